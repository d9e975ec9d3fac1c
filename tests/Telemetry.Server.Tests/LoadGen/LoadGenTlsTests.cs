using System.Globalization;
using System.Text.Json;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.LoadGen;

/// <summary>
/// The load generator against a server with a private CA, as an operator runs it: trusted through <c>--tls-ca</c>
/// with the key from <c>$TELEMETRY_API_KEY</c>, or with a client certificate; and without the CA, a clear permanent
/// failure at once rather than retries until the time limit.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LoadGenTlsTests(InfluxFixture influx) : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task LoadGen_TlsCaAndKeyFromEnvironment_EveryFrameStored()
    {
        var server = _certificates.CreateServer();
        var (key, keys) = TestKeys.Create("gateway-a");
        await using var running = await StartAsync("lgtls", TestKeys.Merge(keys, TlsTests.TlsSettings(server)));

        var (exit, stdout, stderr) = await RunAsync(running, ["--tls-ca", server.PemPath], new Dictionary<string, string> { ["TELEMETRY_API_KEY"] = key });

        Assert.True(exit == 0, $"exit {exit}: {stdout} {stderr}");
        Assert.Equal(500, JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.GetProperty("frames_written").GetInt64());
    }

    [Fact]
    public async Task LoadGen_ClientCertificate_EveryFrameStored()
    {
        var server = _certificates.CreateServer();
        var station = _certificates.CreateClient("station");
        await using var running = await StartAsync("lgmtls", TestKeys.Merge(TlsTests.TlsSettings(server), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["Security:ClientCertificates:station:Thumbprint"] = station.Sha256Thumbprint,
        }));

        var (exit, stdout, stderr) = await RunAsync(running, ["--tls-ca", server.PemPath, "--client-cert", station.PemPath, "--client-key", station.KeyPemPath]);

        Assert.True(exit == 0, $"exit {exit}: {stdout} {stderr}");
        Assert.Equal(500, JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.GetProperty("frames_written").GetInt64());
    }

    [Fact]
    public async Task LoadGen_UntrustedCertificate_FailsAtOnceNamingTheOption()
    {
        var server = _certificates.CreateServer();
        var (key, keys) = TestKeys.Create("gateway-a");
        await using var running = await StartAsync("lguntrusted", TestKeys.Merge(keys, TlsTests.TlsSettings(server)));

        var (exit, _, stderr) = await RunAsync(running, ["--api-key", key, "--max-seconds", "60"]);

        Assert.NotEqual(0, exit);
        Assert.Contains("not trusted: pass its CA with --tls-ca", stderr, StringComparison.Ordinal);
        Assert.Contains("not retried", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadGen_WithCertificatesFromTheCertsCommand_MutualTlsStored()
    {
        using var folder = new TempDirectory("telemetry-certs");
        var (made, printed, error) = await ServerBinary.RunAsync("certs", "--out", folder.Path, "--client", "station-1");
        Assert.True(made == 0, error);
        var thumbprint = printed.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("Thumbprint=", StringComparison.Ordinal)).Split('=')[^1];
        await using var running = await StartAsync("lgcerts", new Dictionary<string, string?>
        {
            ["Security:AllowAnonymous"] = "false",
            ["Kestrel:Endpoints:Grpc:Certificate:Path"] = Path.Combine(folder.Path, "server.pfx"),
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["Security:ClientCertificates:station-1:Thumbprint"] = thumbprint,
        });

        var (exit, stdout, stderr) = await RunAsync(running,
            ["--tls-ca", Path.Combine(folder.Path, "ca.pem"), "--client-cert", Path.Combine(folder.Path, "station-1.pem"), "--client-key", Path.Combine(folder.Path, "station-1.key.pem")]);

        Assert.True(exit == 0, $"exit {exit}: {stdout} {stderr}");
        Assert.Equal(500, JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.GetProperty("frames_written").GetInt64());
    }

    public void Dispose() => _certificates.Dispose();

    private Task<TestServer> StartAsync(string hint, Dictionary<string, string?> settings) =>
        TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName(hint), settings,
            new TestServerOptions { Https = true, Handler = new SocketsHttpHandler() });

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(
        TestServer server, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var load = LoadGeneratorProcess.Start(
        [
            "--url", server.Address.ToString(), "--frames", "500", "--streams", "1", "--batch", "100", "--source", "tls",
            "--start-ns", 1_770_000_000_000_000_000.ToString(CultureInfo.InvariantCulture), "--json", .. arguments,
        ], environment);
        var stdout = load.StandardOutput.ReadToEndAsync();
        var stderr = load.StandardError.ReadToEndAsync();
        // Well inside --max-seconds: a permanent failure must not wait for the time limit.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await load.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            load.Kill(entireProcessTree: true);
            await load.WaitForExitAsync();
            Assert.Fail($"still running after 30 s: {await stdout} {await stderr}");
        }
        return (load.ExitCode, await stdout, await stderr);
    }
}
