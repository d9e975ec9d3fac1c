using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Spool;

/// <summary>One spool per folder: a second one is refused at start with a reason naming the folder and the holder.</summary>
public sealed class SpoolLockTests
{
    [Fact]
    public async Task StartAsync_FolderHeldByAnotherSpool_RefusedNamingFolderAndHolderUntilItIsDisposed()
    {
        using var folder = new TempDirectory("spool");
        var target = new RecordingSink();
        var first = SpoolHarness.Create(folder.Path, target);
        await first.StartAsync(CancellationToken.None);
        await SpoolHarness.SpoolAllAsync(first, [SpoolHarness.Batch(1, 2)]);

        await using (var second = SpoolHarness.Create(folder.Path, target))
        {
            var refused = await Assert.ThrowsAsync<IOException>(() => second.StartAsync(CancellationToken.None));
            Assert.Contains($"the spool folder {second.Directory} is in use by another server", refused.Message, StringComparison.Ordinal);
            Assert.Contains($"process {Environment.ProcessId} on {Environment.MachineName}", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Spool:Directory", refused.Message, StringComparison.Ordinal);
        }

        // The refused spool touched nothing: the holder's batch is still forwarded, once.
        await Eventually.HoldsAsync(() => first.IsForwarded, "the first spool's batch forwarded");
        await first.DisposeAsync();
        Assert.Equal([1UL], target.Received.Select(r => r.BatchId));

        await using var third = SpoolHarness.Create(folder.Path, target);
        await third.StartAsync(CancellationToken.None);
        await SpoolHarness.SpoolAllAsync(third, [SpoolHarness.Batch(2, 2)]);
        await Eventually.HoldsAsync(() => third.IsForwarded, "the third spool's batch forwarded");
        Assert.Equal([1UL, 2UL], target.Received.Select(r => r.BatchId));
    }
}
