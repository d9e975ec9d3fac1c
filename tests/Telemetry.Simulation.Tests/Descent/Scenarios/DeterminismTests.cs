using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class DeterminismTests
{
    private static readonly Scenario Noisy = ScenarioCatalog.Load("resilience-m2") with
    {
        Lrf = ScenarioCatalog.Load("resilience-m2").Lrf with { DropoutProbability = 0.1, NoiseStdM = 3 },
    };

    [Fact]
    public void Run_SameSeedTwice_IdenticalBitForBit()
    {
        var a = DescentSimulator.Run(Noisy, seed: 42, recordEvery: 1);
        var b = DescentSimulator.Run(Noisy, seed: 42, recordEvery: 1);

        Assert.Equal(a.Outcome, b.Outcome);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Trajectory.Count, b.Trajectory.Count);
        for (var i = 0; i < a.Trajectory.Count; i++)
        {
            // Record equality on doubles is bitwise for finite values; NaN never occurs here.
            Assert.Equal(a.Trajectory[i], b.Trajectory[i]);
        }
    }

    [Fact]
    public void Run_DifferentSeedWithNoise_DiffersButStaysAnImpact()
    {
        var a = DescentSimulator.Run(Noisy, seed: 1, recordEvery: 0);
        var b = DescentSimulator.Run(Noisy, seed: 2, recordEvery: 0);

        Assert.NotEqual(a.Outcome.TimeS, b.Outcome.TimeS);
        Assert.NotEqual(a.Outcome.VerticalSpeedMps, b.Outcome.VerticalSpeedMps);
        Assert.Equal(OutcomeKind.HardImpact, a.Outcome.Kind);
        Assert.Equal(OutcomeKind.HardImpact, b.Outcome.Kind);
    }

    [Fact]
    public void Run_NoNoiseAtAll_SeedDoesNotMatter()
    {
        var quiet = Noisy with
        {
            Imu = Noisy.Imu with { NoiseDensityMps2PerSqrtHz = 0 },
            Lrf = Noisy.Lrf with { NoiseStdM = 0, DropoutProbability = 0 },
        };

        Assert.Equal(DescentSimulator.Run(quiet, 1, 0).Outcome, DescentSimulator.Run(quiet, 2, 0).Outcome);
    }

    [Fact]
    public void Run_RecordEveryZero_KeepsNoTrajectoryAndSameOutcome()
    {
        var none = DescentSimulator.Run(Noisy, seed: 5, recordEvery: 0);
        var some = DescentSimulator.Run(Noisy, seed: 5, recordEvery: 50);

        Assert.Empty(none.Trajectory);
        Assert.NotEmpty(some.Trajectory);
        Assert.Equal(none.Outcome, some.Outcome);
        Assert.Equal(50 * 0.01, some.Trajectory[0].TimeS, 1e-12);
    }

    [Fact]
    public void Run_RecordEveryZero_AllocationDoesNotGrowWithStepCount()
    {
        // A dropout window too: scanning it at every LRF sample must not allocate an enumerator.
        var windowed = Noisy with { Lrf = Noisy.Lrf with { DropoutWindows = [new TimeWindow { StartS = 5, EndS = 6 }] } };
        var coarse = windowed with { StepS = 0.01 };
        var fine = windowed with { StepS = 0.005 };
        DescentSimulator.Run(coarse, 1, 0);
        DescentSimulator.Run(fine, 1, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        DescentSimulator.Run(coarse, 1, 0);
        var coarseBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        DescentSimulator.Run(fine, 1, 0);
        var fineBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        // ~115,000 against ~230,000 steps: only the fixed per-run objects and the few events allocate.
        Assert.InRange(coarseBytes, 1, 8 * 1024);
        Assert.InRange(Math.Abs(fineBytes - coarseBytes), 0, 1024);
    }
}
