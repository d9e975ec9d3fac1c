using System.Diagnostics;
using Grpc.Core;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// The spool on a real filesystem that fills up (a 24 MiB tmpfs) while clients stream: they get UNAVAILABLE naming
/// ENOSPC and the folder within a second, never a hang; /readyz says 503 and why; once space is freed the spool
/// accepts again by itself, and every acknowledged frame is in InfluxDB with its values.
/// </summary>
public sealed class SpoolDiskFullTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Stream_SpoolFilesystemFillsUp_UnavailableNamingEnospcThenResumesOnceFreed()
    {
        await using var disk = await MountedFolder.TmpfsAsync(24L << 20);
        await using var run = await FaultRun.StartAsync("disk_full", disk.Path, settings: new Dictionary<string, string>
        {
            ["Spool:SegmentBytes"] = "1048576",
        });
        await run.AckedMoreAsync(40, "acks before the disk fills");

        // Fill the filesystem and keep it full (the forwarder frees confirmed segments meanwhile).
        var filler = Path.Combine(disk.Path, "filler");
        using var fill = new CancellationTokenSource();
        var full = new TaskCompletionSource<long>();
        var filling = Task.Run(async () =>
        {
            await using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, 0);
            var chunk = new byte[64 * 1024];
            while (!fill.IsCancellationRequested)
            {
                try
                {
                    file.Write(chunk);
                }
                catch (IOException)
                {
                    full.TrySetResult(Stopwatch.GetTimestamp());
                    await Task.Delay(10, CancellationToken.None);
                }
            }
        });
        var fullAt = await full.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var status = await run.StatusNamingAsync("ENOSPC");

        output.WriteLine($"first ENOSPC status {FaultRun.SecondsBetween(fullAt, status.At):0.000} s after the disk filled: {status.Detail}");
        Assert.Equal(StatusCode.Unavailable, status.Code);
        Assert.Contains(disk.Path, status.Detail, StringComparison.Ordinal);
        Assert.InRange(FaultRun.SecondsBetween(fullAt, status.At), -1, 1);
        var (code, body) = await run.OpsAsync("/readyz");
        Assert.Equal(503, code);
        Assert.Contains("spool refuses batches", body, StringComparison.Ordinal);
        Assert.Contains("ENOSPC", body, StringComparison.Ordinal);
        Assert.Contains("telemetry_server_spool_writer_failed 1", (await run.OpsAsync("/metrics")).Body, StringComparison.Ordinal);
        Assert.Contains("ENOSPC", (await run.OpsAsync("/status.json")).Body, StringComparison.Ordinal);

        await fill.CancelAsync();
        await filling;
        File.Delete(filler);
        await run.AckedMoreAsync(40, "acks again once space was freed");
        await Eventually.HoldsAsync(async () => (await run.OpsAsync("/readyz")).Code == 200, () => "ready again");
        await run.StopStreamingAsync();

        output.WriteLine($"acked batches {run.Acked}, statuses {run.Clients.Sum(c => c.Statuses.Count)}, longest wait {run.Clients.Max(c => c.LongestWait).TotalSeconds:0.000} s");
        await run.AssertEveryAckStoredAsync();
    }
}
