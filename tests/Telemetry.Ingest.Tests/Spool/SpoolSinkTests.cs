using Telemetry.Contracts.V1;
using Telemetry.Ingest.Spool;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Spool;

public sealed class SpoolSinkTests
{
    [Fact]
    public async Task EnqueueAsync_Batches_AckedAfterCommitAndForwardedInOrderWithIdsAndFrameIndexes()
    {
        using var folder = new TempDirectory("spool");
        var target = new RecordingSink();
        await using var spool = SpoolHarness.Create(folder.Path, target);
        await spool.StartAsync(CancellationToken.None);

        await SpoolHarness.SpoolAllAsync(spool, Enumerable.Range(1, 20).Select(i => SpoolHarness.Batch((ulong)i, 3)));

        Assert.Equal(AckDurability.Spool, spool.Durability);
        await Eventually.HoldsAsync(() => spool.IsForwarded, "everything forwarded");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), target.Received.Select(r => r.BatchId));
        Assert.All(target.Received, r => Assert.Equal(SpoolHarness.Text(r.BatchId, 3), r.Lines));
        Assert.All(target.Received, r => Assert.Equal([1, 3, 5], r.FrameIndexes));
        var stats = spool.Stats;
        Assert.Equal(20, stats.CommittedBatches);
        Assert.InRange(stats.Commits, 1, 20);
        Assert.Equal(60, stats.ForwardedLines);
    }

    [Fact]
    public async Task StartAsync_RestartAfterInfluxWasDown_ForwardsEverySpooledBatchOnceThenNothingMore()
    {
        using var folder = new TempDirectory("spool");
        var down = new RecordingSink { Hold = true };
        await using (var spool = SpoolHarness.Create(folder.Path, down))
        {
            await spool.StartAsync(CancellationToken.None);
            await SpoolHarness.SpoolAllAsync(spool, Enumerable.Range(1, 10).Select(i => SpoolHarness.Batch((ulong)i, 4)));
            await spool.StopAsync();
            down.FailHeld();
        }

        var up = new RecordingSink();
        await using (var spool = SpoolHarness.Create(folder.Path, up))
        {
            await spool.StartAsync(CancellationToken.None);
            Assert.Equal(10, spool.Recovery!.Records);
            Assert.Equal(40, spool.Recovery.Lines);
            await Eventually.HoldsAsync(() => spool.IsForwarded, "everything forwarded");
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (ulong)i), up.Received.Select(r => r.BatchId));

        var again = new RecordingSink();
        await using (var spool = SpoolHarness.Create(folder.Path, again))
        {
            await spool.StartAsync(CancellationToken.None);
            Assert.Equal(0, spool.Recovery!.Records);
            await Task.Delay(200);
        }
        Assert.Empty(again.Received);
    }

    [Fact]
    public async Task EnqueueAsync_QuotaReached_FailsWithSpoolFullThenAcceptsOnceInfluxConfirms()
    {
        using var folder = new TempDirectory("spool");
        var target = new RecordingSink { Hold = true };
        await using var spool = SpoolHarness.Create(folder.Path, target, maxBytes: 2L << 20);
        await spool.StartAsync(CancellationToken.None);

        var accepted = new List<ulong>();
        SpoolFullException? full = null;
        for (ulong id = 1; id <= 100 && full is null; id++)
        {
            var batch = SpoolHarness.Batch(id, 10, padding: 10_000);
            await spool.EnqueueAsync(batch, CancellationToken.None);
            try
            {
                await batch.Written;
                accepted.Add(id);
            }
            catch (SpoolFullException e)
            {
                full = e;
            }
        }

        Assert.NotNull(full);
        Assert.Contains("Spool:MaxBytes", full.Message, StringComparison.Ordinal);
        Assert.InRange(accepted.Count, 15, 21);
        Assert.Equal(1, spool.Stats.RefusedFullBatches);
        target.Release();
        await Eventually.HoldsAsync(() => spool.Stats.Bytes < 1L << 20, "confirmed segments deleted");
        var after = SpoolHarness.Batch(1000, 10, padding: 10_000);
        await spool.EnqueueAsync(after, CancellationToken.None);
        await after.Written;
        await Eventually.HoldsAsync(() => spool.IsForwarded, "everything forwarded");
        Assert.Equal([.. accepted, 1000UL], target.Received.Select(r => r.BatchId));
    }

    [Fact]
    public async Task Forwarder_SegmentFileVanishes_StopsAndSaysWhyInStats()
    {
        using var folder = new TempDirectory("spool");
        var target = new RecordingSink { Hold = true };
        await using var spool = SpoolHarness.Create(folder.Path, target);
        await spool.StartAsync(CancellationToken.None);
        var batches = Enumerable.Range(1, 30).Select(i => SpoolHarness.Batch((ulong)i, 10, padding: 10_000)).ToList();
        foreach (var batch in batches)
        {
            await spool.EnqueueAsync(batch, CancellationToken.None);
            await batch.Written;
        }

        var segments = SpoolHarness.Segments(folder.Path);
        Assert.True(segments.Length >= 3, $"{segments.Length} segments");
        Assert.Null(spool.Stats.ForwarderFault);
        // The forwarder is still in the first segment (its read-ahead is full); the second one disappears.
        File.Delete(segments[1]);
        target.Release();

        await Eventually.HoldsAsync(() => spool.Stats.ForwarderFault is not null, "the forwarder reports its fault");
        Assert.StartsWith("stopped: FileNotFoundException: ", spool.Stats.ForwarderFault, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(segments[1]), spool.Stats.ForwarderFault, StringComparison.Ordinal);
        Assert.False(spool.IsForwarded);
    }
}
