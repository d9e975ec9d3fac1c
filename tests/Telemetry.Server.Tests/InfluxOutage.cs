using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>
/// Streams into a real server process while InfluxDB is unavailable for a minute, and checks what the issue of the
/// spool promises: acks keep coming in milliseconds, the server's memory stays flat, and afterwards InfluxDB holds
/// exactly the frames acknowledged, value by value.
/// </summary>
internal static class InfluxOutage
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(string name, Func<InfluxProcess, Task> stop, Func<InfluxProcess, Task> start)
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-outage-spool");
        using var client = new InfluxClient(influx.BaseAddress);
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, name, spool.Path);
        var ledger = new AckLedger($"outage/{name}", 100);
        using var streamFor = new CancellationTokenSource();
        var streaming = ledger.StreamAsync(server.Client, Interval, streamFor.Token);
        await Eventually.HoldsAsync(() => ledger.AckedCount >= 40, "acks before the outage");
        var rss = new List<long>();

        await stop(influx);
        var ackedBefore = ledger.AckedCount;
        var sentBefore = ledger.Sent.Count;
        var outageEnds = DateTime.UtcNow + Outage;
        while (DateTime.UtcNow < outageEnds)
        {
            await Task.Delay(1000);
            rss.Add(server.ResidentBytes);
        }
        var ackedDuring = ledger.AckedCount - ackedBefore;
        var sentDuring = ledger.Sent.Count - sentBefore;
        await start(influx);
        await Task.Delay(2000);
        await streamFor.CancelAsync();
        await streaming;

        // Acks kept coming: nearly every batch sent during the outage was acknowledged during it (the client sends one
        // every 50 ms when the machine keeps up; on shared cores it sends fewer, so the count is taken from what it sent).
        Assert.True(sentDuring >= Outage.TotalSeconds, $"the client sent only {sentDuring} batches during the outage");
        Assert.InRange(ackedDuring, (int)(sentDuring * 0.9), int.MaxValue);
        // No ack waited for InfluxDB: the slowest is far below the outage (acks after InfluxDB's 204 would wait the
        // whole minute). How fast acks are is the benchmarks' business (tools/bench), not a timed test's.
        Assert.InRange(ledger.Acked.Values.Max(), TimeSpan.Zero, Outage / 6);
        // Flat memory: the spool is on disk. The first seconds of an outage fill the fixed buffers (pending fsync
        // bytes, the forwarder's read-ahead, the writer's pending lines) and let the GC settle, by as much as 85 MB
        // on a machine with much RAM; after that nothing may grow: the second half of the outage adds at most
        // 32 MB, and the process stays under the 512 MB target.
        var samples = string.Join(", ", rss.Select(b => (b >> 20).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(rss[^1] - rss[rss.Count / 2] <= 32L << 20, $"RSS grew in the second half of the outage (MB, 1 s apart): {samples}");
        Assert.True(rss.Max() <= 512L << 20, $"RSS above 512 MB (MB, 1 s apart): {samples}");
        await ledger.AssertStoredAsync(client, name);
        Assert.Equal(ledger.Sent.Count, ledger.Acked.Count);
    }
}
