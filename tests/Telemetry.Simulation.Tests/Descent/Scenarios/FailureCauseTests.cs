using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class FailureCauseTests(ShippedRuns runs) : IClassFixture<ShippedRuns>
{
    private static readonly TouchdownLimits Limits = new() { MaxVerticalSpeedMps = 3, MaxHorizontalSpeedMps = 1 };

    [Theory]
    [InlineData(true, 3.0, 1.0, false, FailureCause.None)]
    [InlineData(true, 3.0, 1.0, true, FailureCause.None)]
    [InlineData(true, 3.01, 1.0, false, FailureCause.VerticalSpeed)]
    [InlineData(true, 3.0, 1.01, false, FailureCause.HorizontalSpeed)]
    [InlineData(true, 40, 5, false, FailureCause.VerticalAndHorizontalSpeed)]
    [InlineData(true, 0.5, 2, true, FailureCause.Propellant)]
    [InlineData(true, 94, 0, true, FailureCause.Propellant)]
    [InlineData(false, 0, 0, false, FailureCause.Timeout)]
    [InlineData(false, 50, 9, true, FailureCause.Timeout)]
    public void Classify_ConstructedEnd_NamesItsCause(bool contact, double vertical, double horizontal, bool exhausted, FailureCause expected)
    {
        Assert.Equal(expected, FailureCauses.Classify(contact, vertical, horizontal, exhausted, Limits));
    }

    [Theory]
    [InlineData("nominal", FailureCause.None)]
    [InlineData("resilience-m2", FailureCause.VerticalSpeed)]
    [InlineData("hakuto-r-m1", FailureCause.Propellant)]
    [InlineData("lrf-disabled", FailureCause.VerticalSpeed)]
    public void Run_ShippedScenario_OutcomeCarriesTheCauseOfItsEnd(string name, FailureCause expected)
    {
        var o = runs.Get(name).Outcome;

        Assert.Equal(expected, o.Cause);
        Assert.Equal(o.Cause, FailureCauses.Classify(o.Kind != OutcomeKind.Timeout, o.VerticalSpeedMps, o.HorizontalSpeedMps,
            o.PropellantExhausted, runs.Get(name).Scenario.Touchdown));
    }

    [Fact]
    public void Run_SidewaysOnly_ClassifiedHorizontalNotVertical()
    {
        // The nominal lander touching down at its usual vertical speed, judged against a horizontal limit it exceeds.
        var nominal = ScenarioCatalog.Load("nominal");
        var strict = nominal with { Touchdown = nominal.Touchdown with { MaxHorizontalSpeedMps = 1e-6 } };
        var o = DescentSimulator.Run(strict, seed: 0, recordEvery: 0).Outcome;

        Assert.Equal(OutcomeKind.HardImpact, o.Kind);
        Assert.True(o.VerticalSpeedMps <= strict.Touchdown.MaxVerticalSpeedMps);
        Assert.Equal(FailureCause.HorizontalSpeed, o.Cause);
    }

    [Theory]
    [InlineData("nominal")]
    [InlineData("resilience-m2")]
    [InlineData("hakuto-r-m1")]
    [InlineData("lrf-disabled")]
    public void Run_ShippedScenario_TrajectoryEndsWithTheContactSample(string name)
    {
        var result = runs.Get(name);
        var last = result.Trajectory[^1];

        Assert.Equal(result.Outcome.TimeS, last.TimeS);
        Assert.Equal(0, last.TrueAltitudeM);
        Assert.Equal(result.Outcome.VerticalSpeedMps, last.DescentRateMps);
        Assert.Equal(result.Outcome.HorizontalSpeedMps, last.HorizontalSpeedMps);
        Assert.Equal(result.Outcome.DownrangeM, last.DownrangeM, 1e-6);
        Assert.Equal(GuidancePhase.Landed, last.Phase);
        Assert.True(result.Trajectory[^2].TimeS < last.TimeS);
    }

    [Fact]
    public void Run_Timeout_TrajectoryEndsAtTheTimeout()
    {
        var nominal = ScenarioCatalog.Load("nominal");
        var result = DescentSimulator.Run(nominal with { MaxDurationS = 100.03 }, seed: 0, recordEvery: 10);

        Assert.Equal(OutcomeKind.Timeout, result.Outcome.Kind);
        Assert.Equal(FailureCause.Timeout, result.Outcome.Cause);
        Assert.Equal(result.Outcome.TimeS, result.Trajectory[^1].TimeS);
        Assert.Single(result.Trajectory, s => s.TimeS == result.Outcome.TimeS);
    }
}
