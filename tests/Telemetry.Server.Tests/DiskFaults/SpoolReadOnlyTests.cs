using Grpc.Core;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// The spool's ext4 filesystem turns read-only mid-stream as a failing disk's does (the kernel's errors=remount-ro,
/// with the spool's files open): clients get UNAVAILABLE naming the errno within a second, /readyz says 503, the
/// server still stops cleanly; after the operator's repair (unmount, e2fsck, mount read-write) the server starts on
/// the same spool and every acknowledged frame is in InfluxDB with its values.
/// </summary>
public sealed class SpoolReadOnlyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Stream_SpoolFilesystemTurnsReadOnly_UnavailableNamingErrnoCleanStopAndEveryAckStoredAfterRepair()
    {
        await using var disk = await MountedFolder.Ext4Async(64L << 20);
        await using var run = await FaultRun.StartAsync("read_only", disk.Path, settings: new Dictionary<string, string>
        {
            ["Spool:SegmentBytes"] = "1048576",
        });
        await run.AckedMoreAsync(40, "acks before the disk fails");

        var failedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        await disk.FailReadOnlyAsync();
        (StatusCode Code, string Detail, long At) status;
        try
        {
            status = await run.StatusNamingAsync("EROFS", "EIO");
        }
        catch
        {
            output.WriteLine(string.Join("\n", run.Clients.SelectMany(c => c.Statuses).Select(s => s.Detail)));
            output.WriteLine(run.Server.Output);
            output.WriteLine((await run.OpsAsync("/readyz")).Body);
            throw;
        }

        output.WriteLine($"first status {FaultRun.SecondsBetween(failedAt, status.At):0.000} s after the error: {status.Detail}");
        Assert.Equal(StatusCode.Unavailable, status.Code);
        Assert.Contains(disk.Path, status.Detail, StringComparison.Ordinal);
        Assert.InRange(FaultRun.SecondsBetween(failedAt, status.At), 0, 1);
        var (code, body) = await run.OpsAsync("/readyz");
        Assert.Equal(503, code);
        Assert.Contains("spool refuses batches", body, StringComparison.Ordinal);
        await run.StopStreamingAsync();

        // A clean stop although nothing can be written (the checkpoint and the last segment's close fail too).
        var exit = await run.Server.TerminateAsync(TimeSpan.FromSeconds(20));
        output.WriteLine($"exit code {exit}; acked batches {run.Acked}");
        await disk.RepairAsync();
        await run.Server.RestartAsync();
        await run.AssertEveryAckStoredAsync();
    }
}
