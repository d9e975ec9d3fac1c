using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>SIGTERM to the real server process while InfluxDB is frozen: a clean exit, never an abort.</summary>
public sealed class ShutdownFaultTests
{
    [Fact]
    public async Task Terminate_AckAfterDatabaseInfluxFrozen_InFlightWriteUnavailableAndExitCode3()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-shutdown-spool");
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "shutdown_db", spool.Path, new Dictionary<string, string>
        {
            ["Ingest:AckAfter"] = "Database",
            ["Ingest:ShutdownTimeoutSeconds"] = "3",
        });
        await server.Client.WriteAsync(Frames.Batch(1, "s", 0, 10));
        await influx.PauseAsync();
        var write = server.Client.WriteAsync(Frames.Batch(2, "s", 10, 10)).ResponseAsync;
        await Task.Delay(500);
        Assert.False(write.IsCompleted);

        var exit = await server.TerminateAsync(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<RpcException>(() => write);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(3, exit);
        Assert.Contains("InfluxDB sink stopped before writing 10 lines", server.Output, StringComparison.Ordinal);
        Assert.Contains("Shutdown timed out before InfluxDB took everything", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
        await influx.ResumeAsync();
    }

    [Fact]
    public async Task Terminate_SpoolInfluxFrozen_ExitsAtOnceAndTheNextStartForwardsEveryAckedFrame()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-shutdown-spool");
        using var client = new InfluxClient(influx.BaseAddress);
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "shutdown_spool", spool.Path);
        await influx.PauseAsync();
        var acks = new List<BatchAck>();
        for (ulong b = 1; b <= 5; b++)
        {
            acks.Add(await server.Client.WriteAsync(Frames.Batch(b, "spooled", (b - 1) * 100, 100)));
        }
        Assert.All(acks, a => Assert.Equal((true, AckDurability.Spool, 100u), (a.Accepted, a.Durability, a.WrittenCount)));

        var exit = await server.TerminateAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
        await influx.ResumeAsync();
        await server.RestartAsync();
        var ledger = new HashSet<long>(Enumerable.Range(0, 500).Select(i => (long)i));
        await Eventually.HoldsAsync(async () =>
            (await client.QueryAsync("shutdown_spool", "SELECT step FROM descent WHERE \"source\" = 'spooled'"))
                .Select(r => r.Values["step"].GetInt64()).ToHashSet().SetEquals(ledger),
            () => "every acknowledged frame forwarded after the restart");
    }
}
