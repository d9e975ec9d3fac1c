using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary><c>Telemetry.Server health</c> against a real server process: ready, not ready (InfluxDB gone), unreachable.</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_ServingAndReady_Exit0AndOneLineEach()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-health");
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "health", spool.Path);

        var (exit, stdout, _) = await RunAsync("health", "--url", server.Address.ToString(), "--ops-url", server.OpsAddress.ToString());

        Assert.True(exit == 0, stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(": SERVING", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(": 200 Healthy", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_InfluxDbGone_Exit1NamingTheCheck()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-health");
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "health", spool.Path, new Dictionary<string, string>
        {
            ["Ingest:AckAfter"] = "Database",
            ["Ingest:UnhealthyAfterFailingSeconds"] = "1",
            ["Influx:NotAnsweringAfter"] = "00:00:01",
        });
        await influx.KillAsync();
        // A write that InfluxDB cannot answer: with acks after InfluxDB, the server is then not ready.
        var write = server.Client.WriteAsync(Frames.Batch(1, "health", 1, 1), deadline: DateTime.UtcNow.AddSeconds(3)).ResponseAsync;

        var last = (Exit: -1, Stdout: "", Stderr: "");
        await Eventually.HoldsAsync(async () =>
        {
            last = await RunAsync("health", "--url", server.Address.ToString(), "--ops-url", server.OpsAddress.ToString());
            return last.Exit == 1;
        }, () => $"health says not ready; last: exit {last.Exit}: {last.Stdout}");

        Assert.Contains("503 Unhealthy: influx: ", last.Stdout, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => write);
    }

    [Fact]
    public async Task Health_NothingListening_Exit3()
    {
        var (exit, stdout, _) = await RunAsync("health", "--url", $"http://127.0.0.1:{FreePort.Next()}", "--ops-url", $"http://127.0.0.1:{FreePort.Next()}", "--timeout", "2");

        Assert.Equal(3, exit);
        Assert.Contains("not reachable", stdout, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => ServerBinary.RunAsync(args);
}
