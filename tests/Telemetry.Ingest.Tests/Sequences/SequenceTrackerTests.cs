using Microsoft.Extensions.Options;
using Telemetry.Ingest.Sequences;
using static Telemetry.Ingest.Tests.Sequences.TrackerHarness;

namespace Telemetry.Ingest.Tests.Sequences;

public sealed class SequenceTrackerTests
{
    [Fact]
    public void Admit_UnsetSequence_NeverADuplicateNorAGap()
    {
        var harness = Create();
        var frames = Enumerable.Range(0, 10).Select(i => Frame("naive", 0, 1_000 + i, i)).ToList();

        Assert.Equal(0, harness.Send("c", frames).Duplicates);
        var again = harness.Send("c", frames);

        Assert.Equal(0, again.Duplicates);
        Assert.Empty(again.Events.Gaps);
        Assert.Equal((0L, 0L, 0L), (harness.Tracker.Stats.Duplicates, harness.Tracker.Stats.Gaps, harness.Tracker.Stats.Resets));
    }

    [Fact]
    public void Admit_ResendOfDurableFrames_AllDuplicates()
    {
        var harness = Create();
        harness.Send("c", Frames("a", 1, 100));

        var resend = harness.Send("c", Frames("a", 1, 100));

        Assert.Equal(100, resend.Duplicates);
        Assert.All(resend.Duplicate, Assert.True);
        Assert.Equal(100, harness.Tracker.Stats.Duplicates);
    }

    [Fact]
    public void Admit_SameSequenceOtherTimestampOrValue_IsANewFrame()
    {
        var harness = Create();
        harness.Send("c", [Frame("a", 7, 1_000, 1.0)]);

        Assert.Equal(0, harness.Send("c", [Frame("a", 7, 2_000, 1.0)]).Duplicates);   // another sample, same packet count
        Assert.Equal(0, harness.Send("c", [Frame("a", 7, 2_000, 2.0)]).Duplicates);   // same instant, other value
        Assert.Equal(1, harness.Send("c", [Frame("a", 7, 2_000, 2.0)]).Duplicates);   // the same frame again
    }

    [Fact]
    public void Admit_CopyOfAFrameStillInFlight_IsWrittenAgain()
    {
        var harness = Create();
        var first = harness.Admit("c", Frames("a", 1, 10));        // waiting for the spool's fsync

        var resend = harness.Send("c", Frames("a", 1, 10));         // the client reconnected and resent

        Assert.Equal(0, resend.Duplicates);
        first.Commit();
        Assert.Equal(10, harness.Send("c", Frames("a", 1, 10)).Duplicates);
    }

    [Fact]
    public void Admit_ResendOfABatchThatFailed_IsWritten()
    {
        var harness = Create();
        harness.Admit("c", Frames("a", 1, 10));                      // refused by the quota: never committed

        Assert.Equal(0, harness.Send("c", Frames("a", 1, 10)).Duplicates);
    }

    [Fact]
    public void Admit_SenderRestartsItsCounter_NewFramesWrittenAndOneResetNoGap()
    {
        var harness = Create(window: 1024);
        harness.Send("c", Frames("replay", 1, 500, firstNs: 1_000));

        var second = harness.Send("c", Frames("replay", 1, 500, firstNs: 1_000_000));   // second run, later clock

        Assert.Equal(0, second.Duplicates);
        var reset = Assert.Single(second.Events.Resets);
        Assert.Equal(new SequenceReset("replay", 500, 1, 1_000_000), reset);
        Assert.Empty(second.Events.Gaps);
        Assert.Equal((1L, 0L, 0L), (harness.Tracker.Stats.Resets, harness.Tracker.Stats.Gaps, harness.Tracker.Stats.LateFrames));
    }

    [Fact]
    public void Admit_GapThenLateArrival_OneGapWithExactRangeAndALateFrame()
    {
        var harness = Create();
        harness.Send("c", Frames("a", 1, 10, firstNs: 1_000));

        var after = harness.Send("c", Frames("a", 16, 5, firstNs: 1_015));
        var late = harness.Send("c", [Frame("a", 12, 1_011)]);

        Assert.Equal(new SequenceGap("a", 11, 15, 5, 1_015), Assert.Single(after.Events.Gaps));
        Assert.Empty(late.Events.Gaps);
        Assert.Empty(late.Events.Resets);
        Assert.Equal((1L, 5L, 1L), (harness.Tracker.Stats.Gaps, harness.Tracker.Stats.MissingFrames, harness.Tracker.Stats.LateFrames));
    }

    [Fact]
    public void Admit_WrapAt2To64_NoGapNoResetAndNoLoop()
    {
        var harness = Create();
        var frames = new[] { Frame("w", ulong.MaxValue - 1, 1_000), Frame("w", ulong.MaxValue, 1_001), Frame("w", 1, 1_002), Frame("w", 2, 1_003) };

        var admitted = harness.Send("c", frames);

        Assert.Empty(admitted.Events.Gaps);
        Assert.Empty(admitted.Events.Resets);
        Assert.Equal(4, harness.Send("c", frames).Duplicates);
    }

    [Fact]
    public void Admit_FourteenBitCounterWraps_NoGapAcrossTheWrapAndAGapOfOneWhereOneIsMissing()
    {
        var harness = Create(counters: new SequenceCounterOptions { Sources = ["ccsds/*"], Bits = 14 });

        var wrap = harness.Send("c", [Frame("ccsds/apid-5", 16382, 1), Frame("ccsds/apid-5", 16383, 2), Frame("ccsds/apid-5", 0, 3), Frame("ccsds/apid-5", 1, 4)]);
        var skip = harness.Send("c", [Frame("ccsds/apid-5", 3, 5)]);
        var plain = harness.Send("c", [Frame("other", 16383, 1), Frame("other", 1, 2)]);    // 64-bit: 1 is far behind, newer: a restart

        Assert.Empty(wrap.Events.Gaps);
        Assert.Empty(wrap.Events.Resets);
        Assert.Equal(new SequenceGap("ccsds/apid-5", 2, 2, 1, 5), Assert.Single(skip.Events.Gaps));
        Assert.Single(plain.Events.Resets);
    }

    [Fact]
    public void Admit_GapAcrossANarrowWrap_ReportsTheWrappedRange()
    {
        var harness = Create(counters: new SequenceCounterOptions { Sources = ["n"], Bits = 4 });   // positions 1..15
        harness.Send("c", [Frame("n", 13, 1)]);

        var admitted = harness.Send("c", [Frame("n", 2, 2)]);                                 // 14, 15, 1 missing

        Assert.Equal(new SequenceGap("n", 14, 1, 3, 2), Assert.Single(admitted.Events.Gaps));
    }

    [Fact]
    public void Admit_ForwardJumpBeyondMaxGap_IsAResetNotAGiantGap()
    {
        var harness = new TrackerHarness(new SequenceOptions { Window = 64, MaxGap = 1000 });
        harness.Send("c", [Frame("a", 5, 1)]);

        var admitted = harness.Send("c", [Frame("a", 5 + 1002, 2)]);

        Assert.Empty(admitted.Events.Gaps);
        Assert.Equal(new SequenceReset("a", 5, 1007, 2), Assert.Single(admitted.Events.Resets));
    }

    [Fact]
    public void Admit_AnotherClientSendsTheSameSequences_NeverSuppressesTheOwnersFrames()
    {
        var harness = Create();
        harness.Send("intruder", Frames("v1", 1, 20, value: 99));
        harness.Send("intruder", Frames("v1", 1, 20));                // even the identical frames

        Assert.Equal(0, harness.Send("owner", Frames("v1", 1, 20)).Duplicates);
    }

    [Fact]
    public void Commit_RingGrowsToTheWindow_RecentFramesStillRecognised()
    {
        var harness = Create(window: 256);
        harness.Send("c", Frames("a", 1, 1000));

        var resend = harness.Send("c", Frames("a", 745, 256, firstNs: 1_744));    // the last 256 (a full window)
        var older = harness.Send("c", Frames("a", 1, 10));                        // fell out of the window: written again

        Assert.Equal(256, resend.Duplicates);
        Assert.Equal(0, older.Duplicates);
    }

    [Fact]
    public void Admit_MoreSourcesThanMax_ForgetsTheLeastRecentlyUsed()
    {
        var harness = Create(window: 64, maxSources: 2);
        harness.Send("c", Frames("a", 1, 1));
        harness.Send("c", Frames("b", 1, 1));
        harness.Send("c", Frames("a", 2, 1));
        harness.Send("c", Frames("c", 1, 1));                                       // evicts b, used least recently

        Assert.Equal(1, harness.Send("c", Frames("a", 2, 1, firstNs: 1_000)).Duplicates);
        Assert.Equal(0, harness.Send("c", Frames("b", 1, 1)).Duplicates);
        Assert.Equal((2, 2L), (harness.Tracker.Stats.Sources, harness.Tracker.Stats.EvictedSources));
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(-64, 10)]
    [InlineData(192, 10)]
    [InlineData(32, 10)]
    [InlineData(64, 0)]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting(int window, int maxSources)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            new SequenceTracker(Options.Create(new SequenceOptions { Window = window, MaxSources = maxSources })));
        Assert.Contains("Sequences:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Constructor_InvalidCounterWidth_ThrowsNamingTheSetting(int bits)
    {
        var options = new SequenceOptions { Counters = [new SequenceCounterOptions { Sources = ["x"], Bits = bits }] };
        var error = Assert.Throws<OptionsValidationException>(() => new SequenceTracker(Options.Create(options)));
        Assert.Contains("Sequences:Counters:0:Bits", error.Message, StringComparison.Ordinal);
    }
}
