using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Tables;

/// <summary>One row per sweep point, in the order swept.</summary>
internal static class SweepTable
{
    public static TableData Build(SweepResult sweep) => new(
        $"{sweep.Scenario.Name}: touchdown against {sweep.Parameter.Label()}",
        [sweep.Parameter.Label(), "outcome", "cause", "vertical (m/s)", "horizontal (m/s)", "LRF first valid at (m)", "propellant left (kg)"],
        [.. sweep.Points.Select(p => new TableRow(
        [
            Number.F(p.Value), SnakeCase.Of(p.Outcome.Kind), SnakeCase.Of(p.Outcome.Cause), Number.F(p.Outcome.VerticalSpeedMps, 2),
            Number.F(p.Outcome.HorizontalSpeedMps, 2), Number.F(p.LrfFirstValidAltitudeM), Number.F(p.Outcome.PropellantRemainingKg),
        ], p.Outcome.IsSafe))]);
}
