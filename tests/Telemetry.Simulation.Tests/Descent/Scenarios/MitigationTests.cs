using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

/// <summary>Each what-if scenario beside the failure it answers, with the margin it buys.</summary>
public sealed class MitigationTests(ShippedRuns runs) : IClassFixture<ShippedRuns>
{
    private const int Runs = 100;

    [Fact]
    public void Run_M2InertialStart_LandsSoftlyBurningFromTheDesignAltitudeBeforeTheLrfValidates()
    {
        var result = runs.Get("resilience-m2-inertial-start");

        Assert.Equal(FailureCause.None, result.Outcome.Cause);
        var burn = result.Events.First(e => e.Kind == TimelineEventKind.PhaseChange && e.Description.EndsWith("-> LandingBurn", StringComparison.Ordinal));
        Assert.True(burn.TimeS < result.FirstEvent(TimelineEventKind.LrfFirstValid)!.TimeS);
        Assert.InRange(burn.EstimatedAltitudeM, 2900, 3000);
        Assert.Equal(FailureCause.VerticalSpeed, runs.Get("resilience-m2").Outcome.Cause);
    }

    [Theory]
    [InlineData(893)]
    [InlineData(500)]
    [InlineData(0)]
    public void Run_M2InertialStart_AnyFirstValidAltitudeDownToNeverStillLandsSoftly(double firstValidBelowM)
    {
        var mitigated = ScenarioCatalog.Load("resilience-m2-inertial-start");
        var late = mitigated with { Lrf = mitigated.Lrf with { FirstValidBelowAltitudeM = firstValidBelowM } };

        Assert.Equal(OutcomeKind.SoftTouchdown, DescentSimulator.Run(late, seed: 0, recordEvery: 0).Outcome.Kind);

        // Without the mitigation the margin ends between 1,100 and 1,200 m: 1,000 m already fails.
        var baseline = ScenarioCatalog.Load("resilience-m2");
        Assert.Equal(OutcomeKind.HardImpact, DescentSimulator.Run(baseline with { Lrf = baseline.Lrf with { FirstValidBelowAltitudeM = 1000 } }, 0, 0).Outcome.Kind);
    }

    [Fact]
    public void Run_M1Readmit_LatchThenReadmissionWithinTwoSecondsThenSoftTouchdown()
    {
        var result = runs.Get("hakuto-r-m1-readmit");

        var latched = result.FirstEvent(TimelineEventKind.LrfLatchedFailed)!;
        var readmitted = result.FirstEvent(TimelineEventKind.LrfReadmitted)!;
        Assert.InRange(readmitted.TimeS - latched.TimeS, 0.9, 2.0);

        // The estimate takes the LRF's altitude above the crater floor: within metres of the truth.
        Assert.InRange(readmitted.EstimatedAltitudeM - readmitted.TrueAltitudeM, -10, 10);
        Assert.Equal(FailureCause.None, result.Outcome.Cause);
        Assert.False(result.Outcome.PropellantExhausted);
        Assert.Equal(FailureCause.Propellant, runs.Get("hakuto-r-m1").Outcome.Cause);
    }

    [Fact]
    public void Run_SilentLrfCheck_DeclaredSilentAtTheBurnAndLandsSoftlyOnTheRaisedGate()
    {
        var result = runs.Get("lrf-disabled-silent-check");

        var silent = result.FirstEvent(TimelineEventKind.LrfSilent)!;
        var burn = result.Events.First(e => e.Kind == TimelineEventKind.PhaseChange && e.Description.EndsWith("-> LandingBurn", StringComparison.Ordinal));
        Assert.Equal(burn.TimeS, silent.TimeS);
        var terminal = result.Events.First(e => e.Kind == TimelineEventKind.PhaseChange && e.Description.EndsWith("-> TerminalDescent", StringComparison.Ordinal));
        Assert.InRange(terminal.EstimatedAltitudeM, 95, 110);
        Assert.Equal(FailureCause.None, result.Outcome.Cause);
        Assert.Equal(FailureCause.VerticalSpeed, runs.Get("lrf-disabled").Outcome.Cause);
    }

    [Theory]
    [InlineData("resilience-m2", "resilience-m2-inertial-start", 95)]
    [InlineData("hakuto-r-m1", "hakuto-r-m1-readmit", 95)]
    public void MonteCarlo_Mitigation_TurnsCertainFailureIntoNearCertainSuccess(string failure, string mitigation, int atLeast)
    {
        Assert.Equal(0, MonteCarlo.Run(ScenarioCatalog.Load(failure), Runs, seed: 1).Successes);
        Assert.InRange(MonteCarlo.Run(ScenarioCatalog.Load(mitigation), Runs, seed: 1).Successes, atLeast, Runs);
    }

    [Fact]
    public void MonteCarlo_SilentLrfCheck_BuysLittleWithoutASecondAltitudeSource()
    {
        // Detecting the silence only moves the low gate above the inertial drift; the initial altitude knowledge
        // (100 m sigma) is never corrected, so most dispersed runs still fail: the margin is a few runs in a hundred.
        var baseline = MonteCarlo.Run(ScenarioCatalog.Load("lrf-disabled"), 400, seed: 1);
        var mitigated = MonteCarlo.Run(ScenarioCatalog.Load("lrf-disabled-silent-check"), 400, seed: 1);

        Assert.InRange(mitigated.Successes - baseline.Successes, 1, 40);
        Assert.True(mitigated.Probability < 0.5);
    }
}
