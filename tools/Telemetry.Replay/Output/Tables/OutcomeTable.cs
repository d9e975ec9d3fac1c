using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Output.Tables;

/// <summary>How the descent ended, against the scenario's touchdown limits.</summary>
internal static class OutcomeTable
{
    public static TableData Build(DescentResult result)
    {
        var o = result.Outcome;
        var limits = result.Scenario.Touchdown;
        var contact = o.Kind != OutcomeKind.Timeout;
        return new TableData(
            "Outcome",
            ["quantity", "model", "limit"],
            [
                new TableRow(["outcome", SnakeCase.Of(o.Kind), "soft_touchdown"], o.IsSafe),
                new TableRow(["failure cause", SnakeCase.Of(o.Cause), "none"], o.IsSafe),
                new TableRow(["time (s)", Number.F(o.TimeS, 2), $"timeout at {Number.F(result.Scenario.MaxDurationS, 0)}"]),
                new TableRow(
                    ["vertical speed at contact (m/s)", Number.F(o.VerticalSpeedMps, 2), "<= " + Number.F(limits.MaxVerticalSpeedMps, 2)],
                    contact ? o.VerticalSpeedMps <= limits.MaxVerticalSpeedMps : null),
                new TableRow(
                    ["horizontal speed at contact (m/s)", Number.F(o.HorizontalSpeedMps, 2), "<= " + Number.F(limits.MaxHorizontalSpeedMps, 2)],
                    contact ? o.HorizontalSpeedMps <= limits.MaxHorizontalSpeedMps : null),
                new TableRow(["propellant remaining (kg)", Number.F(o.PropellantRemainingKg), ""]),
                new TableRow(["downrange (m)", Number.F(o.DownrangeM, 0), ""]),
                new TableRow(["propellant exhausted", o.PropellantExhausted ? "yes" : "no", ""], o.PropellantExhausted ? false : null),
                new TableRow(["altitude at propellant out (m)", Number.F(o.PropellantOutAltitudeM), ""]),
            ]);
    }
}
