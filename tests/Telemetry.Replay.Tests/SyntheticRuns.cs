using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Tests;

/// <summary>Hand-made descents with known values, so output tests do not depend on the simulator's physics.</summary>
internal static class SyntheticRuns
{
    public static readonly TrajectorySample First = new(
        TimeS: 0, TrueAltitudeM: 2000, EstimatedAltitudeM: 2010.5, DescentRateMps: 44.25, HorizontalSpeedMps: 3.5,
        DownrangeM: 120, ThrustN: 2500, Throttle: 0.5, PitchDeg: 2, MassKg: 700, PropellantKg: 360, LrfValid: false,
        LrfRangeM: null, LrfLatchedFailed: false, Phase: GuidancePhase.VerticalHold);

    public static readonly TrajectorySample Second = new(
        TimeS: 0.1, TrueAltitudeM: 1995.5, EstimatedAltitudeM: 1996.125, DescentRateMps: 45, HorizontalSpeedMps: 3.25,
        DownrangeM: 120.5, ThrustN: 5000, Throttle: 1, PitchDeg: 0, MassKg: 699.5, PropellantKg: 359.5, LrfValid: true,
        LrfRangeM: 1995.75, LrfLatchedFailed: false, Phase: GuidancePhase.LandingBurn);

    public static DescentResult Descent(int samples = 400)
    {
        var trajectory = new List<TrajectorySample> { First, Second };
        // A plausible braking curve after the two known samples, so plots have something to draw.
        for (var i = 2; i < samples; i++)
        {
            var t = i * 0.1;
            var altitude = Math.Max(0, 2000 - (45 * t) + (0.5 * t * t));
            trajectory.Add(Second with
            {
                TimeS = t, TrueAltitudeM = altitude, EstimatedAltitudeM = altitude + (5 * Math.Sin(t)),
                DescentRateMps = 45 - t, PropellantKg = 359.5 - t, LrfValid = i % 50 != 0, LrfRangeM = altitude,
                LrfLatchedFailed = i > samples - 20, Phase = i > samples / 2 ? GuidancePhase.TerminalDescent : GuidancePhase.LandingBurn,
            });
        }

        var scenario = new Scenario
        {
            Name = "synthetic",
            Description = "Hand-made trajectory for output tests.",
            Reference = new ScenarioReference
            {
                Name = "made-up figures",
                Figures =
                [
                    new ReferenceFigure { Name = "LRF first valid altitude", Metric = ReferenceMetric.LrfFirstValidAltitudeM, Value = 1990, Unit = "m", Tolerance = 10, Source = "test" },
                    new ReferenceFigure { Name = "contact speed", Metric = ReferenceMetric.ContactVerticalSpeedMps, Value = 40, Unit = "m/s", Tolerance = 1, Source = "test" },
                ],
            },
        };
        TimelineEvent[] events =
        [
            new(0, TimelineEventKind.PhaseChange, "vertical hold begins", 2000, 2010.5, 44.25, 3.5),
            new(0.1, TimelineEventKind.LrfFirstValid, "LRF first valid return", 1995.5, 1996.125, 45, 3.25),
            new(39.9, TimelineEventKind.Impact, "impact at 12.3 m/s", 0, 3, 12.3, 1),
        ];
        var outcome = new Outcome(OutcomeKind.HardImpact, 39.9, 12.3, 1, 320, 180, false, null, FailureCause.VerticalSpeed);
        return new DescentResult(scenario, 7, outcome, events, trajectory);
    }
}
