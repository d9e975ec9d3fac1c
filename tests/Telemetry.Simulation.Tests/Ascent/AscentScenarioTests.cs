using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Tests.Descent.Scenarios;

namespace Telemetry.Simulation.Tests.Ascent;

public sealed class AscentScenarioTests(ShippedAscents runs) : IClassFixture<ShippedAscents>
{
    public static TheoryData<string> Shipped => [.. AscentScenarioCatalog.Names];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Run_ShippedAscent_ReproducesEveryPublicFigureWithinTolerance(string name)
    {
        var result = runs.Get(name);
        var reference = Assert.IsType<AscentReference>(result.Scenario.Reference);
        ReferenceFigures.AssertAllWithin(name, reference.Figures.Select(f => (f.Name, f.Value, f.Tolerance, f.Unit, result.Measure(f))));
    }

    [Fact]
    public void Run_KairosNominal_ReachesALowOrbitWithoutOneRuleViolation()
    {
        var result = runs.Get("kairos-nominal");

        Assert.Equal(AscentOutcomeKind.Orbit, result.Outcome.Kind);
        Assert.Equal(AftsJudgement.CorrectlyFlown, result.Outcome.Judgement);
        Assert.DoesNotContain(result.Events, e => e.Kind is AscentEventKind.RuleViolated or AscentEventKind.Hazard);
        Assert.InRange(result.Outcome.Truth.PerigeeKm!.Value, 195, 230);
        Assert.InRange(result.Outcome.Truth.ApogeeKm!.Value, 195, 300);
        Assert.Equal(22_970, result.Scenario.Vehicle.LiftOffMassKg(), 1e-6);
        Assert.Equal(
            [AscentEventKind.Ignition, AscentEventKind.LiftOff, AscentEventKind.BurnOut, AscentEventKind.Separation,
             AscentEventKind.Ignition, AscentEventKind.FairingJettison, AscentEventKind.BurnOut, AscentEventKind.Separation,
             AscentEventKind.Ignition, AscentEventKind.BurnOut, AscentEventKind.Separation, AscentEventKind.Ignition,
             AscentEventKind.Shutdown, AscentEventKind.Orbit],
            result.Events.Select(e => e.Kind));

        // The calibration point of flight 3 on the healthy vehicle: about 29 km at 69 s.
        var at69 = result.Trajectory.First(s => s.TimeS >= 69 - 1e-9);
        Assert.InRange(at69.AltitudeM, 28_000, 30_000);
        Assert.InRange(result.Outcome.MaxDynamicPressurePa, 45_000, 70_000);
    }

    [Theory]
    [InlineData("kairos-f1-expectation", AftsJudgement.FalseTermination)]
    [InlineData("kairos-f1-underperformance", AftsJudgement.WarrantedTermination)]
    public void Run_KairosF1Reading_PerformanceRuleFiresFiveSecondsAfterLiftOff(string name, AftsJudgement judgement)
    {
        var result = runs.Get(name);
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.Performance, termination.Rule);
        Assert.Equal(5.0, termination.TimeS, 1e-9);
        Assert.Equal(4.0, termination.ViolatedForS, 1e-9);
        Assert.Equal(judgement, result.Outcome.Judgement);
        Assert.InRange(result.Outcome.AltitudeM, 50, 200);
    }

    [Fact]
    public void Run_KairosF1TwoReadings_TheJudgeSeesTheSameShortfallAndDecidesTheSameInTheFirstSeconds()
    {
        var wrongSetting = runs.Get("kairos-f1-expectation");
        var weakMotor = runs.Get("kairos-f1-underperformance");

        // Same rule, same instant, after the same time in violation, and the violation began on the same cycle.
        Assert.Equal(wrongSetting.Outcome.Termination! with { Value = 0 }, weakMotor.Outcome.Termination! with { Value = 0 });
        var started = wrongSetting.Events.Single(e => e.Kind == AscentEventKind.RuleViolated);
        Assert.Equal(started.TimeS, weakMotor.Events.Single(e => e.Kind == AscentEventKind.RuleViolated).TimeS);

        // Until the speed term comes in (expected speed 20 m/s), what it judges is the same within 1 %: sensed
        // acceleration at 80 % of the expectation, whether the expectation is 25 % too high or the motor 20 % weak.
        foreach (var (a, b) in wrongSetting.Trajectory.Zip(weakMotor.Trajectory).Where(p => p.First.TimeS is >= 1 and <= 1.5))
        {
            Assert.Equal(a.TimeS, b.TimeS);
            Assert.Equal(a.PerformanceRatio, b.PerformanceRatio, 0.01);
            Assert.InRange(a.PerformanceRatio, 0.78, 0.82);
        }

        // Only the truth tells them apart: one would have flown to orbit, the other could not.
        Assert.True(wrongSetting.Outcome.Truth.Healthy);
        Assert.False(weakMotor.Outcome.Truth.ReachesOrbit);
    }

    [Fact]
    public void Run_KairosF2_StuckNozzleSpinsTheVehicleAndTheRateRuleRightlyEndsItNear95Seconds()
    {
        var result = runs.Get("kairos-f2");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.AttitudeRate, termination.Rule);
        Assert.InRange(termination.TimeS, 94, 96);
        Assert.True(termination.Value > 2 * termination.Limit, "the rate is far beyond its limit when it fires");
        Assert.Equal(AftsJudgement.WarrantedTermination, result.Outcome.Judgement);
        Assert.StartsWith("loss of control", result.Outcome.Truth.HazardReason, StringComparison.Ordinal);
        Assert.InRange(result.Outcome.Truth.HazardTimeS!.Value, termination.TimeS, termination.TimeS + 3);

        // Up to the fault it is the nominal flight.
        var nominal = runs.Get("kairos-nominal").Trajectory.First(s => s.TimeS >= 90 - 1e-9);
        Assert.Equal(nominal.AltitudeM, result.Trajectory.First(s => s.TimeS >= 90 - 1e-9).AltitudeM, 1e-6);
    }

    [Fact]
    public void Run_KairosF3_HealthyWobblingVehicleIsDestroyedAt69SecondsNear29Kilometres()
    {
        var result = runs.Get("kairos-f3");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.AttitudeRate, termination.Rule);
        Assert.InRange(termination.TimeS, 68.5, 69.5);
        Assert.InRange(result.Outcome.AltitudeM, 28_000, 30_000);
        Assert.Equal(AftsJudgement.FalseTermination, result.Outcome.Judgement);

        // The wobble is real but benign: the true attitude error never nears loss of control, and flown on unseen
        // the vehicle reaches the nominal orbit.
        Assert.All(result.Trajectory, s => Assert.True(Math.Abs(s.PitchDeg - s.CommandDeg) < 5, $"{s.TimeS}: {s.PitchDeg - s.CommandDeg}"));
        Assert.True(result.Outcome.Truth.Healthy);
        var perigee = runs.Get("kairos-nominal").Outcome.Truth.PerigeeKm!.Value;
        Assert.InRange(result.Outcome.Truth.PerigeeKm!.Value, perigee - 5, perigee + 5);
        Assert.Equal(AscentEventKind.Termination, result.Events[^1].Kind);
    }
}
