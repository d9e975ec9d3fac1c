using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class SlimTests(ShippedRuns runs) : IClassFixture<ShippedRuns>
{
    [Fact]
    public void Run_Slim_EngineLostAt50MetresThenHalfThrustLeaningDriftsItAbout55Metres()
    {
        var result = runs.Get("slim");
        var lost = result.FirstEvent(TimelineEventKind.EngineLost)!;

        Assert.InRange(lost.TrueAltitudeM, 49.5, 50);
        Assert.Equal(lost.TimeS, result.Events.Single(e => e.Kind == TimelineEventKind.EngineLost).TimeS);
        var v = result.Scenario.Vehicle;
        Assert.All(result.Trajectory.Where(s => s.TimeS > lost.TimeS), s => Assert.True(s.ThrustN <= (v.MaxThrustN / 2) + 1e-9));
        Assert.Contains(result.Trajectory, s => s.TimeS < lost.TimeS && s.ThrustN > v.MaxThrustN / 2);

        // It drifts downrange (the lean's sign) by the published ~55 m, and lands sideways: upside down in reality.
        Assert.InRange(result.Outcome.DownrangeM - result.Outcome.EngineLossDownrangeM!.Value, 50, 60);
        Assert.Equal(FailureCause.HorizontalSpeed, result.Outcome.Cause);
        Assert.True(result.Outcome.VerticalSpeedMps <= result.Scenario.Touchdown.MaxVerticalSpeedMps);
    }

    [Fact]
    public void Run_SlimWithoutTheLean_LandsWhereTheEngineWasLost()
    {
        var slim = ScenarioCatalog.Load("slim");
        var upright = DescentSimulator.Run(slim with { EngineLoss = slim.EngineLoss! with { ThrustTiltDeg = 0 } }, seed: 0, recordEvery: 0).Outcome;

        Assert.InRange(upright.DownrangeM - upright.EngineLossDownrangeM!.Value, -1, 1);
        Assert.Equal(OutcomeKind.SoftTouchdown, upright.Kind);
    }

    [Fact]
    public void Parse_EngineLossOnASingleEngine_RejectedNamingThePath()
    {
        var error = Assert.Throws<ScenarioException>(() =>
            ScenarioCatalog.Parse("""{ "name": "x", "engineLoss": { "atAltitudeM": 50 } }""", "test"));

        Assert.Contains("$.engineLoss", error.Message, StringComparison.Ordinal);
    }
}
