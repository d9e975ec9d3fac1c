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
        if (name == "kairos-f3-continue")
        {
            // A what-if of a choice, not of a flight: nothing public to meet.
            Assert.Empty(reference.Figures);
            return;
        }

        ReferenceFigures.AssertAllWithin(name, reference.Figures.Select(f => (f.Name, f.Value, f.Tolerance, f.Unit, result.Measure(f))));
    }

    [Fact]
    public void Run_KairosNominal_FliesThePublishedTimelineToA500KmSunSynchronousOrbitWithoutOneRuleViolation()
    {
        var result = runs.Get("kairos-nominal");

        Assert.Equal(AscentOutcomeKind.Orbit, result.Outcome.Kind);
        Assert.Equal(AftsJudgement.CorrectlyFlown, result.Outcome.Judgement);
        Assert.DoesNotContain(result.Events, e => e.Kind is AscentEventKind.RuleViolated or AscentEventKind.Hazard or AscentEventKind.ChannelVerdict);
        Assert.InRange(result.Outcome.Truth.PerigeeKm!.Value, 475, 525);
        Assert.InRange(result.Outcome.Truth.ApogeeKm!.Value, 475, 560);
        Assert.InRange(result.Outcome.Truth.InclinationDeg!.Value, 96.9, 97.9);
        Assert.Equal(
            [AscentEventKind.Ignition, AscentEventKind.LiftOff, AscentEventKind.BurnOut, AscentEventKind.Separation,
             AscentEventKind.Ignition, AscentEventKind.FairingJettison, AscentEventKind.BurnOut, AscentEventKind.Separation,
             AscentEventKind.Ignition, AscentEventKind.BurnOut, AscentEventKind.Separation, AscentEventKind.Ignition,
             AscentEventKind.Shutdown, AscentEventKind.Orbit],
            result.Events.Select(e => e.Kind));

        // Separation near 140 s, then the fairing near 168 s during the second-stage burn.
        var separation = result.FirstEvent(AscentEventKind.Separation)!.TimeS;
        var secondIgnition = result.Events.Where(e => e.Kind == AscentEventKind.Ignition).ElementAt(1).TimeS;
        var fairing = result.FirstEvent(AscentEventKind.FairingJettison)!.TimeS;
        Assert.InRange(separation, 137, 143);
        Assert.InRange(fairing, secondIgnition, 171);
        Assert.InRange(result.Outcome.MaxDynamicPressurePa, 35_000, 70_000);

        // The planned track: a few kilometres off the azimuth (the pad's eastward speed), never near a limit line.
        Assert.All(result.Trajectory.Where(s => !double.IsNaN(s.LimitLineKm)), s => Assert.True(s.LimitLineKm < -20, $"{s.TimeS}: {s.LimitLineKm}"));
    }

    [Fact]
    public void Run_KairosF1_HealthyMotorAgainstAPredictionFivePercentHighIsDestroyedAt5Point3Seconds()
    {
        var result = runs.Get("kairos-f1");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.Performance, termination.Rule);
        Assert.Equal(5.3, termination.TimeS, 1e-9);
        Assert.Equal(4.3, termination.ViolatedForS, 1e-9);
        Assert.InRange(termination.Value, 0.93, 0.975);
        Assert.Equal(AftsJudgement.FalseTermination, result.Outcome.Judgement);
        Assert.InRange(result.Outcome.AltitudeM, 50, 300);

        // The motor is the nominal one: what the judge saw was the prediction, a few percent high.
        Assert.Null(result.Scenario.Faults.Thrust);
        Assert.Equal(1.05, result.Scenario.Afts.ExpectedPerformanceScale);
    }

    [Fact]
    public void Run_KairosF1UnderperformanceWhatIf_SameRuleAboutFiveSecondsButRightlyTerminated()
    {
        var result = runs.Get("kairos-f1-underperformance");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.Performance, termination.Rule);
        Assert.Equal(5.0, termination.TimeS, 1e-9);
        Assert.Equal(AftsJudgement.WarrantedTermination, result.Outcome.Judgement);
        Assert.False(result.Outcome.Truth.ReachesOrbit);
        Assert.StartsWith("WHAT-IF", result.Scenario.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KairosF2_NozzleDriveFailsAt80SecondsFliesOnThroughStagingDriftsWestAndIsEndedOnTheLimitLineNear187Seconds()
    {
        var result = runs.Get("kairos-f2");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.LimitLine, termination.Rule);
        Assert.InRange(termination.TimeS, 184, 190);
        Assert.Equal(AftsJudgement.WarrantedTermination, result.Outcome.Judgement);
        Assert.Contains("beyond a limit line", result.Outcome.Truth.HazardReason, StringComparison.Ordinal);

        // Separation, second-stage ignition and the fairing all happen first; the termination falls in the second-stage burn.
        var kinds = result.Events.Where(e => e.TimeS < termination.TimeS).Select(e => e.Kind).ToList();
        Assert.Contains(AscentEventKind.Separation, kinds);
        Assert.Contains(AscentEventKind.FairingJettison, kinds);
        Assert.Equal(2, kinds.Count(k => k == AscentEventKind.Ignition));
        Assert.Equal(2, result.Trajectory[^1].Stage);

        // The wobble is there (rates of several deg/s from 80 s) but no attitude rule fires in a hundred seconds.
        Assert.DoesNotContain(result.Events, e => e.Rule is AftsRule.AttitudeRate or AftsRule.AttitudeError && e.Kind == AscentEventKind.ChannelVerdict);
        Assert.True(result.Trajectory.Where(s => s.TimeS is > 80 and < 140).Max(s => s.NavRateDegPerS) > 4);

        // West of the nominal track, and further west the longer it flies.
        var nominal = runs.Get("kairos-nominal").Trajectory;
        double West(double t) => nominal.First(s => s.TimeS >= t - 1e-9).CrossrangeM - result.Trajectory.First(s => s.TimeS >= t - 1e-9).CrossrangeM;
        Assert.True(West(140) > 1_000, $"{West(140)} m west at separation");
        Assert.True(West(185) > West(140) + 1_000);

        // Up to the fault it is the nominal flight.
        Assert.Equal(nominal.First(s => s.TimeS >= 79 - 1e-9).AltitudeM, result.Trajectory.First(s => s.TimeS >= 79 - 1e-9).AltitudeM, 1e-6);
    }

    [Fact]
    public void Run_KairosF3_ChannelSelfTestFaultOnANominalPathEndsTheFlightAt68Point8SecondsNear29Kilometres()
    {
        var result = runs.Get("kairos-f3");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.ChannelFault, termination.Rule);
        Assert.Equal("B", termination.Channel);
        Assert.Equal(68.8, termination.TimeS, 1e-9);
        Assert.InRange(result.Outcome.AltitudeM, 27_500, 30_500);
        Assert.Equal(AftsJudgement.FalseTermination, result.Outcome.Judgement);

        // The path was the nominal one, with no rule anywhere near its limit in either channel.
        var nominal = runs.Get("kairos-nominal").Trajectory;
        Assert.All(result.Trajectory, s => Assert.Equal(nominal.First(n => n.TimeS >= s.TimeS - 1e-9).AltitudeM, s.AltitudeM, 1e-6));
        Assert.DoesNotContain(result.Events, e => e.Kind is AscentEventKind.RuleViolated or AscentEventKind.ChannelVerdict);
        Assert.Equal(
            [AscentEventKind.SelfTestFault, AscentEventKind.ChannelFaulty, AscentEventKind.Termination],
            result.Events.Where(e => e.Channel is not null).Select(e => e.Kind));
        Assert.Equal(2, result.Trajectory[^1].ChannelB);
        Assert.Equal(0, result.Trajectory[^1].ChannelA);
        Assert.True(result.Trajectory[^1].Vote);
        Assert.True(result.Outcome.Truth.Healthy);
    }

    [Fact]
    public void Run_KairosF3ContinueWhatIf_DroppingTheFaultyChannelFliesToOrbit()
    {
        var result = runs.Get("kairos-f3-continue");

        Assert.Equal(AscentOutcomeKind.Orbit, result.Outcome.Kind);
        Assert.Equal(AftsJudgement.CorrectlyFlown, result.Outcome.Judgement);
        Assert.Contains(result.Events, e => e.Kind == AscentEventKind.ChannelFaulty && e.Channel == "B");
        Assert.DoesNotContain(result.Events, e => e.Kind == AscentEventKind.Termination);
    }

    [Fact]
    public void Run_KairosF3WobbleWhatIf_TightRateLimitDestroysTheHealthyVehicleNear69Seconds()
    {
        var result = runs.Get("kairos-f3-wobble");
        var termination = Assert.IsType<AftsDecision>(result.Outcome.Termination);

        Assert.Equal(AftsRule.AttitudeRate, termination.Rule);
        Assert.InRange(termination.TimeS, 68.5, 69.5);
        Assert.Equal(AftsJudgement.FalseTermination, result.Outcome.Judgement);
        Assert.All(result.Trajectory, s => Assert.True(Math.Abs(s.PitchDeg - s.CommandDeg) < 5, $"{s.TimeS}: {s.PitchDeg - s.CommandDeg}"));
    }
}
