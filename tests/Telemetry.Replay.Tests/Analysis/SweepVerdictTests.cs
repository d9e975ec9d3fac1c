using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Tests.Analysis;

public sealed class SweepVerdictTests
{
    [Fact]
    public void Find_AltitudeSweepSafeDownTo900_CriticalIs900AndFirstUnsafe800()
    {
        (double, bool)[] points = [(3000, true), (2000, true), (1000, true), (900, true), (800, false), (500, false)];

        var verdict = SweepVerdict.Find(points, higherIsMoreSevere: false);

        Assert.Equal(900, verdict.Critical);
        Assert.Equal(800, verdict.FirstUnsafe);
        Assert.Empty(verdict.SafeBeyond);
    }

    [Fact]
    public void Find_DelaySweepInAnyOrder_CriticalIsLargestSafeDelayBeforeFirstFailure()
    {
        (double, bool)[] points = [(30, false), (0, true), (20, false), (10, true), (15, true)];

        var verdict = SweepVerdict.Find(points, higherIsMoreSevere: true);

        Assert.Equal(15, verdict.Critical);
        Assert.Equal(20, verdict.FirstUnsafe);
        Assert.Empty(verdict.SafeBeyond);
    }

    [Fact]
    public void Find_SafePointBeyondAFailure_NotCountedAsMarginButListed()
    {
        (double, bool)[] points = [(3000, true), (2000, true), (1500, false), (1000, true), (500, false)];

        var verdict = SweepVerdict.Find(points, higherIsMoreSevere: false);

        Assert.Equal(2000, verdict.Critical);
        Assert.Equal(1500, verdict.FirstUnsafe);
        Assert.Equal([1000.0], verdict.SafeBeyond);
    }

    [Fact]
    public void Find_EveryPointSafe_CriticalIsMostSevereAndNoFailure()
    {
        (double, bool)[] points = [(3000, true), (2000, true), (1000, true)];

        var verdict = SweepVerdict.Find(points, higherIsMoreSevere: false);

        Assert.Equal(1000, verdict.Critical);
        Assert.Null(verdict.FirstUnsafe);
    }

    [Fact]
    public void Find_MildestPointFails_NoCriticalValue()
    {
        (double, bool)[] points = [(0, false), (5, true), (10, false)];

        var verdict = SweepVerdict.Find(points, higherIsMoreSevere: true);

        Assert.Null(verdict.Critical);
        Assert.Equal(0, verdict.FirstUnsafe);
        Assert.Equal([5.0], verdict.SafeBeyond);
    }
}
