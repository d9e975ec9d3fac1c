using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Tests.Ascent;

public sealed class AscentDeterminismTests
{
    private static readonly AscentScenario F3 = AscentScenarioCatalog.Load("kairos-f3");

    [Fact]
    public void Run_SameSeedTwice_SameResultBitForBit()
    {
        var a = AscentSimulator.Run(F3, seed: 7);
        var b = AscentSimulator.Run(F3, seed: 7);

        Assert.Equal(a.Outcome, b.Outcome);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Trajectory.Count, b.Trajectory.Count);
        for (var i = 0; i < a.Trajectory.Count; i++)
        {
            // Record equality compares doubles with Equals, so NaN == NaN and every other bit must match.
            Assert.Equal(a.Trajectory[i], b.Trajectory[i]);
        }
    }

    [Fact]
    public void Run_OtherSeed_OtherNavigationNoiseSameTruth()
    {
        var a = AscentSimulator.Run(F3, seed: 7).Trajectory[100];
        var b = AscentSimulator.Run(F3, seed: 8).Trajectory[100];

        Assert.NotEqual(a.NavRateDegPerS, b.NavRateDegPerS);
        Assert.Equal(a.AltitudeM, b.AltitudeM);
    }

    [Fact]
    public void Apply_SameSeedSameScenario_OtherSeedOtherThrust()
    {
        var nominal = AscentScenarioCatalog.Load("kairos-nominal");
        Assert.Equal(AscentScenarioCatalog.ToJson(AscentDispersions.Apply(nominal, 3)), AscentScenarioCatalog.ToJson(AscentDispersions.Apply(nominal, 3)));
        Assert.NotEqual(AscentDispersions.Apply(nominal, 3).Vehicle.Stages[0].BurnTimeS, AscentDispersions.Apply(nominal, 4).Vehicle.Stages[0].BurnTimeS);
    }

    [Fact]
    public void MonteCarlo_SmallCampaign_DeterministicAndCountsAgainstTheTruth()
    {
        var scenarios = new[] { AscentScenarioCatalog.Load("kairos-nominal"), AscentScenarioCatalog.Load("kairos-f2") };
        var a = AscentMonteCarlo.Run(scenarios, runsPerScenario: 6, seed: 40);
        var b = AscentMonteCarlo.Run(scenarios, runsPerScenario: 6, seed: 40);

        Assert.Equal(a.Runs, b.Runs);
        Assert.Equal(12, a.Runs.Count);
        Assert.Equal(Enumerable.Range(40, 6).Concat(Enumerable.Range(40, 6)), a.Runs.Select(r => r.Seed));
        Assert.Equal(a.Runs.Count(r => r.Outcome.Truth.Healthy), a.FalseTermination.Total);
        Assert.Equal(a.Runs.Count(r => r.Outcome.Truth.Healthy && r.Outcome.Termination is not null), a.FalseTermination.Count);
        Assert.Equal(a.Runs.Count(r => r.Outcome.Truth.Hazardous), a.MissedTermination.Total);
        Assert.Equal(a.Runs.Count(r => r.Outcome.Truth.Hazardous && r.Outcome.Termination is null), a.MissedTermination.Count);
        Assert.True(a.MissedTermination.Total >= 5, "the stuck nozzle makes nearly every f2 run dangerous");
    }
    [Fact]
    public void MonteCarlo_OneThreadOrTwo_IdenticalSummary()
    {
        var scenarios = new[] { AscentScenarioCatalog.Load("kairos-nominal"), AscentScenarioCatalog.Load("kairos-f3") };
        var one = AscentMonteCarlo.Run(scenarios, runsPerScenario: 10, seed: 21, maxThreads: 1);
        var two = AscentMonteCarlo.Run(scenarios, runsPerScenario: 10, seed: 21, maxThreads: 2);

        Assert.Equal(one.Runs, two.Runs);
        Assert.Equal(one.FalseTermination, two.FalseTermination);
        Assert.Equal(one.MissedTermination, two.MissedTermination);
        Assert.All(Enum.GetValues<AftsJudgement>(), j => Assert.Equal(one.CountOf(j), two.CountOf(j)));
    }

    [Fact]
    public void Campaign_OneThreadOrMany_SameRunsInTheSameOrder()
    {
        var nominal = AscentScenarioCatalog.Load("kairos-f3");
        var expected = ExpectedProfile.For(nominal);
        AscentOutcome Fly(int i) => AscentSimulator.Run(AscentDispersions.Apply(nominal, i), i, recordEvery: 0, expected).Outcome;

        var one = Campaign.Run(8, Fly, maxThreads: 1);
        var many = Campaign.Run(8, Fly, maxThreads: 4);
        Assert.Equal(one, many);
    }
}
