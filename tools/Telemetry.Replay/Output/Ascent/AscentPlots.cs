using ScottPlot;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>The plots of one ascent: altitude and speed, attitude, rate, the impact point on the map, and the rules' margins.</summary>
internal static class AscentPlots
{
    private const string Time = "Time since lift-off (s)";

    public static IReadOnlyList<PlotImage> Write(AscentResult result, string directory)
    {
        var s = result.Trajectory;
        var afts = result.Scenario.Afts;
        var name = result.Scenario.Name;
        var t = PlotFiles.Column(s, x => x.TimeS);
        var termination = result.Outcome.Termination;

        var altitude = PlotFiles.Create($"{name}: altitude and speed", Time, "Altitude (km)");
        PlotFiles.Line(altitude, t, PlotFiles.Column(s, x => x.AltitudeM / 1000), "altitude", Colors.Black);
        var speed = PlotFiles.Line(altitude, t, PlotFiles.Column(s, x => x.SpeedMps), "inertial speed (right axis)", Colors.Gray);
        speed.Axes.YAxis = altitude.Axes.Right;
        altitude.Axes.Right.Label.Text = "Speed (m/s)";
        Finish(altitude, termination, Alignment.UpperLeft);

        var attitude = PlotFiles.Create($"{name}: attitude from the local vertical", Time, "Pitch (deg)");
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.PitchDeg), "true attitude", Colors.Black);
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.CommandDeg), "commanded", Colors.OrangeRed).LinePattern = LinePattern.Dashed;
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.NozzleDeg), "nozzle deflection", Colors.Teal);
        Finish(attitude, termination, Alignment.UpperLeft);

        var error = Limited(
            $"{name}: attitude error against the termination limit", "Attitude error (deg)", t,
            PlotFiles.Column(s, x => x.PitchDeg - x.CommandDeg), PlotFiles.Column(s, x => x.NavAttitudeErrorDeg), afts.AttitudeError.Limit, termination);
        var rate = Limited(
            $"{name}: pitch rate against the termination limit", "Pitch rate (deg/s)", t,
            PlotFiles.Column(s, x => x.RateDegPerS), PlotFiles.Column(s, x => x.NavRateDegPerS), afts.AttitudeRate.Limit, termination);

        var margins = PlotFiles.Create($"{name}: termination rules' margins (1 comfortable, 0 at the limit)", Time, "Margin");
        Color[] colors = [Colors.Blue, Colors.Purple, Colors.DarkGreen, Colors.DarkOrange, Colors.Red];
        for (var i = 0; i < RuleMargins.Plotted.Count; i++)
        {
            var rule = RuleMargins.Plotted[i];
            var values = PlotFiles.Column(s, x => Math.Clamp(RuleMargins.Of(rule, x, afts), -1, 1.5));
            PlotFiles.Line(margins, t, values, AftsRules.Name(rule), colors[i]).LineWidth = 1.5f;
        }

        margins.Add.HorizontalLine(0, 2, Colors.Red, LinePattern.Dashed).LegendText = "limit";
        margins.Axes.SetLimitsY(-1.1, 1.6);
        Finish(margins, termination, Alignment.LowerLeft);

        return
        [
            PlotFiles.Save(altitude, directory, "altitude-speed", "Altitude and speed"),
            PlotFiles.Save(attitude, directory, "attitude", "Attitude, command and nozzle"),
            PlotFiles.Save(error, directory, "attitude-error", "Attitude error against the limit"),
            PlotFiles.Save(rate, directory, "attitude-rate", "Pitch rate against the limit"),
            IipMap.Write(result, directory),
            PlotFiles.Save(margins, directory, "rule-margins", "Margins of the termination rules"),
        ];
    }

    private static Plot Limited(string title, string label, double[] t, double[] truth, double[] navigated, double limit, AftsDecision? termination)
    {
        var plot = PlotFiles.Create(title, Time, label);
        PlotFiles.Line(plot, t, truth, "true", Colors.Black);
        PlotFiles.Line(plot, t, navigated, "navigated (what the termination system sees)", Colors.Blue).LineWidth = 1;
        plot.Add.HorizontalLine(limit, 2, Colors.Red, LinePattern.Dashed).LegendText = $"limit ±{Number.F(limit, 1)}";
        plot.Add.HorizontalLine(-limit, 2, Colors.Red, LinePattern.Dashed);
        Finish(plot, termination, Alignment.UpperLeft);
        return plot;
    }

    private static void Finish(Plot plot, AftsDecision? termination, Alignment legend)
    {
        if (termination is not null)
        {
            plot.Add.VerticalLine(termination.TimeS, 2, Colors.Red, LinePattern.Dotted).LegendText =
                $"termination ({AftsRules.Name(termination.Rule)}) at {Number.F(termination.TimeS, 2)} s";
        }

        plot.ShowLegend(legend);
    }
}
