using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>
/// The server process killed with SIGKILL mid-stream and started again on its spool: every acknowledged frame
/// reaches InfluxDB. <c>TELEMETRY_CRASH_TRIALS</c> sets the number of trials (default 5; the soak script runs 100).
/// </summary>
public sealed class ServerCrashTests
{
    private const int FramesPerBatch = 100;

    [Fact]
    public async Task Stream_ServerKilledMidStreamAndRestarted_EveryAcknowledgedFrameStoredWithItsValues()
    {
        var trials = int.TryParse(Environment.GetEnvironmentVariable("TELEMETRY_CRASH_TRIALS"), out var n) ? n : 5;
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-crash-spool");
        using var client = new InfluxClient(influx.BaseAddress);
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "crash", spool.Path);
        var ledgers = new List<AckLedger>();
        for (var trial = 1; trial <= trials; trial++)
        {
            var ledger = new AckLedger($"crash/{trial}", FramesPerBatch);
            ledgers.Add(ledger);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var streaming = ledger.StreamAsync(server.Client, TimeSpan.Zero, stop.Token);
            var killAfter = 10 + (trial * 7 % 30);
            await Eventually.HoldsAsync(() => ledger.AckedCount >= killAfter, $"{killAfter} acks before the kill");

            await server.KillAsync();
            await streaming;
            await server.RestartAsync();

            await ledger.AssertStoredAsync(client, "crash");
        }
        // Later restarts re-forward nothing wrongly: every earlier trial's data is still exactly as sent.
        foreach (var ledger in ledgers)
        {
            await ledger.AssertStoredAsync(client, "crash");
        }
    }
}
