using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>The server refuses to start when it would listen beyond loopback without TLS and credentials.</summary>
[Collection(InfluxCollection.Name)]
public sealed class ExposureTests(InfluxFixture influx)
{
    [Fact]
    public async Task Build_AnyAddressPlainHttpAnonymous_StartRefusedNamingEveryProblem()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { ["Kestrel:Endpoints:Grpc:Url"] = "http://0.0.0.0:50999" }));

        var message = error.ToString();
        Assert.Contains("Kestrel:Endpoints:Grpc:Url = http://0.0.0.0:50999 listens beyond loopback without TLS", message, StringComparison.Ordinal);
        Assert.Contains("Security:AllowAnonymous must be false there", message, StringComparison.Ordinal);
        Assert.Contains("no credentials are configured", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_KeyUsedBeyondLoopbackWithoutTls_StartRefused()
    {
        var (_, keys) = TestKeys.Create("gateway");
        keys["Security:AllowAnonymous"] = "false";
        keys["Kestrel:Endpoints:Grpc:Url"] = "http://[::]:50999";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused", keys));

        Assert.Contains("Kestrel:Endpoints:Grpc:Url = http://[::]:50999 listens beyond loopback without TLS", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AllowAnonymous", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Kestrel:Endpoints:Ops:Url is empty: give the listener an http:// or https:// address")]
    [InlineData("127.0.0.1:9091", "Kestrel:Endpoints:Ops:Url = 127.0.0.1:9091 is not an http:// or https:// address")]
    [InlineData("ftp://127.0.0.1:9091", "Kestrel:Endpoints:Ops:Url = ftp://127.0.0.1:9091 is not an http:// or https:// address")]
    public async Task Build_OpsUrlEmptyOrNotHttp_StartRefusedNamingTheSetting(string url, string reason)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { ["Kestrel:Endpoints:Ops:Url"] = url }));

        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("beyond loopback", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WildcardHostPlainHttp_RefusedAsBeyondLoopbackNotAsMalformed()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { ["Kestrel:Endpoints:Ops:Url"] = "http://*:50998" }));

        Assert.Contains("Kestrel:Endpoints:Ops:Url = http://*:50998 listens beyond loopback without TLS", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("is not an http:// or https:// address", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MalformedKeyHash_StartRefusedNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { ["Security:ApiKeys:gateway:Hash"] = "tlm_0123456789ab_secretpastedbymistake" }));

        Assert.Contains("Security:ApiKeys:gateway:Hash is not a key hash printed by 'Telemetry.Server keygen'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_BadThumbprint_StartRefusedNamingTheCertificate()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { ["Security:ClientCertificates:station:Thumbprint"] = "ABCD" }));

        Assert.Contains("Security:ClientCertificates:station:Thumbprint must be a SHA-256 thumbprint", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_KeyNamedAnonymous_StartRefused()
    {
        var (_, keys) = TestKeys.Create("anonymous");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused", keys));

        Assert.Contains("Security:ApiKeys:anonymous: the client name 'Anonymous' is reserved", error.ToString(), StringComparison.Ordinal);
    }
}
