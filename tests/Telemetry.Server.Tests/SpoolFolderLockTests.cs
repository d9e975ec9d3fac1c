using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>
/// Two server processes pointed at one spool folder: the second refuses to start, naming the folder and the first
/// server's process, and the first goes on acknowledging and forwarding; once the first is killed, a new one starts
/// on the folder (the kernel dropped the lock) and forwards what the first had spooled.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class SpoolFolderLockTests(InfluxFixture influx)
{
    [Fact]
    public async Task Start_SpoolFolderOfARunningServer_RefusedAndTheRunningServerUnharmed()
    {
        var db = InfluxFixture.NewDatabaseName("spool_lock");
        using var spool = new TempDirectory("telemetry-lock-spool");
        await using var first = await ServerProcess.StartAsync(influx.BaseAddress, db, spool.Path);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(influx.BaseAddress, db, spool.Path));
        Assert.Contains("exited with code", refused.Message, StringComparison.Ordinal);
        Assert.Contains(
            $"the spool folder {Path.GetFullPath(spool.Path)} is in use by another server (process {first.ProcessId} on ",
            refused.Message, StringComparison.Ordinal);

        var ack = await first.Client.WriteAsync(Frames.Batch(1, "lock", 0, 50));
        Assert.Equal(50u, ack.WrittenCount);
        await Eventually.HoldsAsync(async () => (await StepsAsync(db)).Count == 50, () => "the first server's batch in InfluxDB");

        // SIGKILL: nothing unlocks the folder but the kernel, when the process ends.
        await first.KillAsync();
        await using var next = await ServerProcess.StartAsync(influx.BaseAddress, db, spool.Path);
        ack = await next.Client.WriteAsync(Frames.Batch(2, "lock", 50, 50));
        Assert.Equal(50u, ack.WrittenCount);
        await Eventually.HoldsAsync(async () => (await StepsAsync(db)).Count == 100, () => "both servers' batches in InfluxDB");

        // Each frame once, at its own timestamp: (source, sequence) 0-99, nothing lost, swapped or doubled.
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => (Frames.StartNs + (i * 10_000_000L), (long)i)),
            await StepsAsync(db));
    }

    private async Task<List<(long Time, long Step)>> StepsAsync(string db) =>
        [.. (await influx.QueryAsync(db, "SELECT step FROM descent WHERE source = 'lock'"))
            .Select(r => (r.Values["time"].GetInt64(), r.Values["step"].GetInt64()))
            .Order()];
}
