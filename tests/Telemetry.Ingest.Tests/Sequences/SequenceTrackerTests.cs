using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Tests.Sequences;

public sealed class SequenceTrackerTests
{
    [Fact]
    public void Admit_HoleResendLateAndReleased_ReportsExactlyTheGapAndDuplicates()
    {
        var tracker = new SequenceTracker(Options.Create(new SequenceOptions { Window = 128 }));

        Assert.Equal((0, 0), Admit(tracker, "a", 0, 10));
        var (duplicates, gaps) = Admit(tracker, "a", 15, 5);      // 10-14 missing
        Assert.Equal((0, 1), (duplicates, gaps));
        Assert.Equal((5, 0), Admit(tracker, "a", 15, 5));         // resent: all duplicates
        Assert.Equal((0, 0), Admit(tracker, "a", 12, 1));         // late arrival inside the gap: kept, no new gap (late 1)
        Assert.Equal((0, 0), Admit(tracker, "b", 15, 5));         // another source is independent

        using var failed = Frames("a", 20, 5);
        var none = new bool[5];
        tracker.Admit(failed, none, ref Unused);
        tracker.Release(failed, none);                            // that batch was not kept
        Assert.Equal((0, 0), Admit(tracker, "a", 20, 5));         // so its resend is not a duplicate (late 5 more)

        var stats = tracker.Stats;
        Assert.Equal((2, 5L, 1L, 5L, 6L), (stats.Sources, stats.Duplicates, stats.Gaps, stats.MissingFrames, stats.LateFrames));
    }

    [Fact]
    public void Admit_OlderThanWindow_KeptAsLate()
    {
        var tracker = new SequenceTracker(Options.Create(new SequenceOptions { Window = 64 }));
        Admit(tracker, "a", 0, 10);
        Admit(tracker, "a", 1000, 1);

        Assert.Equal((0, 0), Admit(tracker, "a", 5, 1));
        Assert.Equal(1, tracker.Stats.LateFrames);
    }

    [Fact]
    public void Admit_MoreSourcesThanMax_ForgetsTheLeastRecentlySeen()
    {
        var tracker = new SequenceTracker(Options.Create(new SequenceOptions { Window = 64, MaxSources = 2 }));
        Admit(tracker, "a", 0, 1);
        Admit(tracker, "b", 0, 1);
        Admit(tracker, "a", 1, 1);
        Admit(tracker, "c", 0, 1);                                // evicts b, seen least recently

        Assert.Equal((1, 0), Admit(tracker, "a", 1, 1));          // a was kept
        Assert.Equal((0, 0), Admit(tracker, "b", 0, 1));          // b starts afresh: not a duplicate
        Assert.Equal(2, tracker.Stats.EvictedSources);            // (and c made room for it)
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(-64, 10)]
    [InlineData(64, 0)]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting(int window, int maxSources)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            new SequenceTracker(Options.Create(new SequenceOptions { Window = window, MaxSources = maxSources })));
        Assert.Contains("Sequences:", error.Message, StringComparison.Ordinal);
    }

    private static List<SequenceGap>? Unused;

    private static (int Duplicates, int Gaps) Admit(SequenceTracker tracker, string source, ulong first, int count)
    {
        using var frames = Frames(source, first, count);
        List<SequenceGap>? gaps = null;
        var duplicates = tracker.Admit(frames, new bool[count], ref gaps);
        return (duplicates, gaps?.Count ?? 0);
    }

    private static WireBatch Frames(string source, ulong first, int count)
    {
        var batch = new FrameBatch();
        for (var i = 0; i < count; i++)
        {
            batch.Frames.Add(new Frame { Source = source, Sequence = first + (ulong)i, Measurement = "m", TimestampNs = 1 });
        }
        return WireBatch.From(batch);
    }
}
