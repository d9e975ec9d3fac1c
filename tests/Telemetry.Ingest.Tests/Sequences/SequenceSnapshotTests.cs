using Telemetry.Ingest.Sequences;
using Telemetry.Testing;
using static Telemetry.Ingest.Tests.Sequences.TrackerHarness;

namespace Telemetry.Ingest.Tests.Sequences;

public sealed class SequenceSnapshotTests
{
    [Fact]
    public void LoadSnapshot_AfterSave_ResendsAreDuplicatesAndGapsContinue()
    {
        using var folder = new TempDirectory("telemetry-seq-snapshot");
        var path = Path.Combine(folder.Path, "sequences.snapshot");
        var before = Create(window: 256, counters: new SequenceCounterOptions { Sources = ["n"], Bits = 4 });
        before.Send("c", Frames("a", 1, 300));
        before.Send("c", [Frame("n", 14, 1)]);
        before.Send("other", Frames("a", 1, 5, value: 7));
        Assert.Equal(3, before.Tracker.SaveSnapshot(path));

        var after = Create(window: 256, counters: new SequenceCounterOptions { Sources = ["n"], Bits = 4 });
        Assert.Equal(3, after.Tracker.LoadSnapshot(path));

        Assert.Equal(256, after.Send("c", Frames("a", 45, 256, firstNs: 1_044)).Duplicates);
        Assert.Equal(0, after.Send("other", Frames("a", 1, 5)).Duplicates);                  // other client, other value
        Assert.Equal(new SequenceGap("a", 301, 309, 9, 5_000), Assert.Single(after.Send("c", [Frame("a", 310, 5_000)]).Events.Gaps));
        Assert.Equal(new SequenceGap("n", 15, 1, 2, 2), Assert.Single(after.Send("c", [Frame("n", 2, 2)]).Events.Gaps));
    }

    [Fact]
    public void LoadSnapshot_TornOrFlippedFile_RefusedAndNothingRestored()
    {
        using var folder = new TempDirectory("telemetry-seq-snapshot");
        var path = Path.Combine(folder.Path, "sequences.snapshot");
        var before = Create();
        before.Send("c", Frames("a", 1, 50));
        before.Tracker.SaveSnapshot(path);
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^9]);
        Assert.Throws<InvalidDataException>(() => Create().Tracker.LoadSnapshot(path));
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var after = Create();
        Assert.Throws<InvalidDataException>(() => after.Tracker.LoadSnapshot(path));
        Assert.Equal(0, after.Tracker.Stats.Sources);
        Assert.Equal(0, after.Send("c", Frames("a", 1, 50)).Duplicates);
    }

    [Fact]
    public void LoadSnapshot_NoFile_StartsEmpty() =>
        Assert.Equal(0, Create().Tracker.LoadSnapshot(Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}")));

    [Fact]
    public void Changes_UntrackedFramesOnly_Unchanged()
    {
        var harness = Create();
        harness.Send("c", Frames("a", 1, 3));
        var before = harness.Tracker.Changes;

        harness.Send("c", [Frame("a", 0, 5_000), Frame("", 9, 5_001)]);   // no sequence, no source

        Assert.Equal(before, harness.Tracker.Changes);
        harness.Send("c", Frames("a", 4, 1, firstNs: 2_000));
        Assert.True(harness.Tracker.Changes > before);
    }
}
