using Telemetry.Ingest.Spool;
using Telemetry.Ingest.Spool.Internal;
using Telemetry.Ingest.Tests.Influx;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Spool;

/// <summary>
/// Disk faults injected at the spool's own disk calls (<see cref="DiskFaults"/>): every one ends in a status naming
/// the folder and the errno, never a hang, and the spool accepts again by itself once the fault clears.
/// </summary>
public sealed class SpoolDiskFaultTests
{
    private const int Eio = 5;
    private const int Emfile = 24;
    private const int Enospc = 28;

    [Fact]
    public async Task EnqueueAsync_FsyncFailsWithEio_GroupAndLaterBatchesFailNamingFolderAndErrnoThenResumeByItself()
    {
        using var folder = new TempDirectory("spool-eio");
        var target = new RecordingSink();
        await using var spool = SpoolHarness.Create(folder.Path, target);
        await spool.StartAsync(CancellationToken.None);
        await SpoolHarness.SpoolAllAsync(spool, Enumerable.Range(1, 5).Select(i => SpoolHarness.Batch((ulong)i, 3)));
        var committed = new FileInfo(SpoolHarness.Segments(folder.Path)[^1]).Length;

        spool.Faults.Set(DiskOperation.Fsync, Eio);
        var failed = SpoolHarness.Batch(6, 3);
        await spool.EnqueueAsync(failed, CancellationToken.None);
        var error = await Assert.ThrowsAsync<SpoolFaultException>(() => failed.Written);
        var later = SpoolHarness.Batch(7, 3);
        await spool.EnqueueAsync(later, CancellationToken.None);
        var laterError = await Assert.ThrowsAsync<SpoolFaultException>(() => later.Written.WaitAsync(TimeSpan.FromSeconds(1)));

        Assert.Contains(spool.Directory, error.Message, StringComparison.Ordinal);
        Assert.Contains("EIO (Input/output error", error.Message, StringComparison.Ordinal);
        Assert.Contains("EIO", laterError.Message, StringComparison.Ordinal);
        Assert.Contains("EIO", spool.Stats.WriterFault, StringComparison.Ordinal);
        Assert.Equal(2, spool.Stats.RefusedFaultBatches);
        // The failed commit's bytes were cut off the abandoned segment (so nothing uncounted stays on disk).
        var abandoned = SpoolHarness.Segments(folder.Path)[0];
        Assert.Equal(committed, new FileInfo(abandoned).Length);
        Assert.Equal(0, spool.Stats.AbandonedBytes);

        spool.Faults.Clear();
        await Eventually.HoldsAsync(() => spool.Stats.WriterFault is null, "the probe clears the fault");
        await SpoolHarness.SpoolAllAsync(spool, [SpoolHarness.Batch(8, 3)]);
        await Eventually.HoldsAsync(() => spool.IsForwarded, "everything forwarded");
        Assert.Equal([1UL, 2, 3, 4, 5, 8], target.Received.Select(r => r.BatchId));
        Assert.All(target.Received, r => Assert.Equal(SpoolHarness.Text(r.BatchId, 3), r.Lines));
    }

    [Theory]
    [InlineData((int)DiskOperation.Open, Emfile, "EMFILE")]
    [InlineData((int)DiskOperation.SyncFolder, Eio, "EIO")]
    public async Task EnqueueAsync_FaultWhenANewSegmentIsStarted_LaterBatchesFailThenResume(int operation, int errno, string name)
    {
        using var folder = new TempDirectory("spool-rotate");
        var target = new RecordingSink();
        await using var spool = SpoolHarness.Create(folder.Path, target);
        await spool.StartAsync(CancellationToken.None);
        spool.Faults.Set((DiskOperation)operation, errno);

        // 1 MiB segments: the fifth batch of 240 KB fills the first one; starting the next fails.
        ulong id = 0;
        Exception? refused = null;
        while (refused is null && id < 20)
        {
            var batch = SpoolHarness.Batch(++id, 4, padding: 60_000);
            await spool.EnqueueAsync(batch, CancellationToken.None);
            refused = await Record.ExceptionAsync(() => batch.Written.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        var fault = Assert.IsType<SpoolFaultException>(refused);
        Assert.Contains(name, fault.Message, StringComparison.Ordinal);
        Assert.Contains(spool.Directory, fault.Message, StringComparison.Ordinal);
        spool.Faults.Clear();
        await Eventually.HoldsAsync(() => spool.Stats.WriterFault is null, "the probe clears the fault");
        var next = SpoolHarness.Batch(++id, 4, padding: 60_000);
        await SpoolHarness.SpoolAllAsync(spool, [next]);
        await Eventually.HoldsAsync(() => spool.IsForwarded, "everything forwarded");
        Assert.Equal([.. Enumerable.Range(1, (int)id - 2).Select(i => (ulong)i), id], target.Received.Select(r => r.BatchId));
    }

    [Fact]
    public async Task StartAsync_FirstSegmentCannotBeCreated_RefusesThenAcceptsAndForwardsOnceItCan()
    {
        using var folder = new TempDirectory("spool-start");
        var target = new RecordingSink();
        await using var spool = SpoolHarness.Create(folder.Path, target);
        spool.Faults.Set(DiskOperation.Open, Enospc);
        await spool.StartAsync(CancellationToken.None);

        var refused = SpoolHarness.Batch(1, 2);
        await spool.EnqueueAsync(refused, CancellationToken.None);
        Assert.Contains("ENOSPC", (await Assert.ThrowsAsync<SpoolFaultException>(() => refused.Written)).Message, StringComparison.Ordinal);

        spool.Faults.Clear();
        await Eventually.HoldsAsync(() => spool.Stats.WriterFault is null, "the probe clears the fault");
        await SpoolHarness.SpoolAllAsync(spool, [SpoolHarness.Batch(2, 2)]);
        await Eventually.HoldsAsync(() => spool.IsForwarded, "forwarded");
        Assert.Equal([2UL], target.Received.Select(r => r.BatchId));
        Assert.Null(spool.Stats.ForwarderFault);
    }

    [Fact]
    public async Task Forwarder_WriterFailsABatchUnexpectedly_RetriedWithBackoffAndReportedUntilConfirmed()
    {
        using var folder = new TempDirectory("spool-retry");
        var target = new RecordingSink { FailNext = 3 };
        var logger = new ListLogger<SpoolSink>();
        await using var spool = SpoolHarness.Create(folder.Path, target, logger: logger);
        await spool.StartAsync(CancellationToken.None);
        var reported = new List<string>();
        using var watching = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                if (spool.Stats.ForwarderFault is { } fault)
                {
                    reported.Add(fault);
                }
                await Task.Delay(1);
            }
        });

        await SpoolHarness.SpoolAllAsync(spool, Enumerable.Range(1, 4).Select(i => SpoolHarness.Batch((ulong)i, 2)));
        await Eventually.HoldsAsync(() => spool.IsForwarded, "everything forwarded after the retries");
        await watching.CancelAsync();
        await watch;

        // Three failed attempts, each retried (with backoff) and logged; reported while retrying, cleared after.
        Assert.Equal(3, logger.Count(5310));
        Assert.Contains(reported, f => f.StartsWith("retrying batch ", StringComparison.Ordinal) && f.Contains("writer failed unexpectedly", StringComparison.Ordinal));
        Assert.Null(spool.Stats.ForwarderFault);
        Assert.Equal(new ulong[] { 1, 2, 3, 4 }, target.Received.Select(r => r.BatchId).Order());
        Assert.Equal(8, spool.Stats.ForwardedLines);
    }
}
