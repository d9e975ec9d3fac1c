using System.Net.Security;
using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>TLS and mutual TLS through Kestrel's certificate configuration, with certificates the test makes.</summary>
[Collection(InfluxCollection.Name)]
public sealed class TlsTests(InfluxFixture influx) : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task Write_OverTlsWithKey_StoredAndServerPresentsTheConfiguredCertificate()
    {
        var serverCertificate = _certificates.CreateServer();
        var (key, keys) = TestKeys.Create("gateway");
        string? seen = null;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            seen = certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
            return seen == serverCertificate.Sha256Thumbprint;
        };
        await using var server = await StartAsync("tls", TestKeys.Merge(keys, TlsSettings(serverCertificate)), handler);

        var ack = await server.Client.WriteAsync(Frames.Batch(1, "tls/src", 1, 4), TestKeys.Bearer(key));

        Assert.Equal(serverCertificate.Sha256Thumbprint, seen);
        Assert.Equal(4u, ack.WrittenCount);
        await server.WaitUntilForwardedAsync();
        Assert.Equal([1L, 2, 3, 4], (await influx.QueryAsync(server.Database, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64()));
    }

    [Fact]
    public async Task Write_MutualTlsRegisteredCertificate_WritesWithinItsScopeOnly()
    {
        var serverCertificate = _certificates.CreateServer();
        var station = _certificates.CreateClient("station");
        var settings = TestKeys.Merge(TlsSettings(serverCertificate), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["Security:ClientCertificates:station:Thumbprint"] = station.Sha256Thumbprint,
            ["Security:ClientCertificates:station:Sources:0"] = "station/*",
        });
        await using var server = await StartAsync("mtls", settings, ClientHandler(serverCertificate, station));

        var ack = await server.Client.WriteAsync(Frames.Batch(1, "station/a", 1, 3));
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(Frames.Batch(2, "other", 10, 3)).ResponseAsync);

        Assert.Equal(new BatchAck { BatchId = 1, Accepted = true, WrittenCount = 3, Durability = AckDurability.Spool }, ack);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("source 'other' is outside the scope of client 'station'", error.Status.Detail, StringComparison.Ordinal);
        await server.WaitUntilForwardedAsync();
        var rows = await influx.QueryAsync(server.Database, "SELECT step, source FROM descent");
        Assert.Equal([(1L, "station/a"), (2L, "station/a"), (3L, "station/a")], rows.Select(r => (r.Values["step"].GetInt64(), r.Values["source"].GetString()!)));
    }

    [Fact]
    public async Task Write_MutualTlsUnregisteredCertificate_UnauthenticatedNamingTheThumbprint()
    {
        var serverCertificate = _certificates.CreateServer();
        var registered = _certificates.CreateClient("station");
        var stranger = _certificates.CreateClient("stranger");
        var settings = TestKeys.Merge(TlsSettings(serverCertificate), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["Security:ClientCertificates:station:Thumbprint"] = registered.Sha256Thumbprint,
        });
        await using var server = await StartAsync("mtls_stranger", settings, ClientHandler(serverCertificate, stranger));

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(Frames.Batch(1, "s", 1, 3)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal($"client certificate {stranger.Sha256Thumbprint} is not registered in Security:ClientCertificates", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
    }

    [Fact]
    public async Task Write_MutualTlsCertificateEntryExpired_UnauthenticatedNamingTheExpiry()
    {
        var serverCertificate = _certificates.CreateServer();
        var station = _certificates.CreateClient("station");
        var settings = TestKeys.Merge(TlsSettings(serverCertificate), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["Security:ClientCertificates:station:Thumbprint"] = station.Sha256Thumbprint,
            ["Security:ClientCertificates:station:ExpiresUtc"] = "2026-03-01T00:00:00Z",
        });
        await using var server = await StartAsync("mtls_expired", settings, ClientHandler(serverCertificate, station));

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(Frames.Batch(1, "s", 1, 3)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("client certificate of client 'station' expired at 2026-03-01T00:00:00Z (Security:ClientCertificates:station:ExpiresUtc)", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
    }

    public void Dispose() => _certificates.Dispose();

    internal static Dictionary<string, string?> TlsSettings(WrittenCertificate certificate) => new()
    {
        ["Security:AllowAnonymous"] = "false",
        ["Kestrel:Endpoints:Grpc:Certificate:Path"] = certificate.PfxPath,
        ["Kestrel:Endpoints:Grpc:Certificate:Password"] = certificate.Password,
    };

    private static SocketsHttpHandler ClientHandler(WrittenCertificate server, WrittenCertificate client)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == server.Sha256Thumbprint;
        handler.SslOptions.ClientCertificates = [client.Certificate];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => client.Certificate;
        return handler;
    }

    private Task<TestServer> StartAsync(string hint, Dictionary<string, string?> settings, HttpMessageHandler handler) =>
        TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName(hint), settings, new TestServerOptions { Https = true, Handler = handler });
}
