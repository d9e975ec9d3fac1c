using System.Diagnostics;
using System.Text.Json;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class PythonClientTests(InfluxFixture influx)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Stream_FromPythonGrpcio_EveryFrameStoredWithExactValues()
    {
        Assert.True(File.Exists(Python) && await RunAsync(["-c", "import grpc, grpc_tools"]) is (0, _, _),
            "Debian's Python gRPC is missing: apt-get install -y python3-grpcio python3-grpc-tools");
        var db = InfluxFixture.NewDatabaseName("python");
        await using var server = await TestServer.StartAsync(influx, db);

        var (exit, stdout, stderr) = await RunAsync([ScriptPath(), "--target", $"127.0.0.1:{server.Address.Port}",
            "--source", "py/test", "--batches", "7", "--frames", "130", "--start-ns", "1700000000000000000"]);

        Assert.True(exit == 0, $"python client exited {exit}: {stdout}\n{stderr}");
        using var summary = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.Equal(7, summary.RootElement.GetProperty("acks").GetInt32());
        Assert.Equal(910, summary.RootElement.GetProperty("written").GetInt32());
        await server.WaitUntilForwardedAsync();
        Assert.Equal(910, await influx.CountAsync(db, "py_demo", "altitude_m"));
        var row = Assert.Single(await influx.QueryAsync(db, "SELECT * FROM py_demo WHERE \"sequence\" = 455"));
        Assert.Equal(1_700_000_000_000_000_000 + 455 * 10_000_000L, row.Values["time"].GetInt64());
        Assert.Equal(3000.0 - 455 * 0.5, row.Values["altitude_m"].GetDouble());
        Assert.False(row.Values["lrf_valid"].GetBoolean());
        Assert.Equal("vertical hold", row.Values["phase"].GetString());
        Assert.Equal("python", row.Values["client"].GetString());
        Assert.Equal("py/test", row.Values["source"].GetString());
    }

    [Fact]
    public async Task Stream_FromPythonOverMutualTlsWithKey_EveryFrameStored()
    {
        using var certificates = new TestCertificates();
        var serverCertificate = certificates.CreateServer();
        var client = certificates.CreateClient("py-station");
        var (key, keys) = TestKeys.Create("py-gateway", sources: ["py/*"]);
        var settings = TestKeys.Merge(TlsTests.TlsSettings(serverCertificate), keys, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["Security:ClientCertificates:py-station:Thumbprint"] = client.Sha256Thumbprint,
            ["Security:ClientCertificates:py-station:Sources:0"] = "py/*",
        });
        var db = InfluxFixture.NewDatabaseName("python_tls");
        await using var server = await TestServer.StartAsync(influx, db, settings, new TestServerOptions { Https = true });

        var (exit, stdout, stderr) = await RunAsync([ScriptPath(), "--target", $"localhost:{server.Address.Port}",
            "--source", "py/tls", "--batches", "3", "--frames", "50", "--start-ns", "1700000000000000000",
            "--tls-ca", serverCertificate.PemPath, "--client-cert", client.PemPath, "--client-key", client.KeyPemPath,
            "--api-key", key]);

        Assert.True(exit == 0, $"python client exited {exit}: {stdout}\n{stderr}");
        Assert.Equal(150, await influx.CountAsync(db, "py_demo", "altitude_m"));
        var row = Assert.Single(await influx.QueryAsync(db, "SELECT * FROM py_demo WHERE \"sequence\" = 77"));
        Assert.Equal(3000.0 - 77 * 0.5, row.Values["altitude_m"].GetDouble());
        Assert.Equal("py/tls", row.Values["source"].GetString());
    }

    [Fact]
    public async Task Stream_FromPythonWithoutKeyOverTls_FailsUnauthenticated()
    {
        using var certificates = new TestCertificates();
        var serverCertificate = certificates.CreateServer();
        var (_, keys) = TestKeys.Create("py-gateway");
        var db = InfluxFixture.NewDatabaseName("python_tls_nokey");
        await using var server = await TestServer.StartAsync(influx, db,
            TestKeys.Merge(TlsTests.TlsSettings(serverCertificate), keys), new TestServerOptions { Https = true });

        var (exit, _, stderr) = await RunAsync([ScriptPath(), "--target", $"localhost:{server.Address.Port}",
            "--batches", "1", "--frames", "5", "--tls-ca", serverCertificate.PemPath]);

        Assert.Equal(3, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("stream_frames.py: the stream failed: UNAUTHENTICATED: ", line, StringComparison.Ordinal);
        Assert.Contains("no credentials", line, StringComparison.Ordinal);
        Assert.Empty(await influx.QueryAsync(db, "SHOW MEASUREMENTS"));
    }

    private static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "clients", "python", "stream_frames.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("tools/clients/python/stream_frames.py not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo(Python, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}
