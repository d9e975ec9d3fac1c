using ScottPlot;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>
/// The plots of one ascent: altitude and speed with the public checkpoints, attitude, error, rate, the performance band,
/// the impact point against the limit lines and on the map, the channels and the vote, and the rules' margins.
/// </summary>
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
        Checkpoints(altitude, result);
        Finish(altitude, termination, Alignment.UpperLeft);

        var attitude = PlotFiles.Create($"{name}: attitude (pitch from the local vertical, yaw out of the launch plane)", Time, "Angle (deg)");
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.PitchDeg), "true attitude", Colors.Black);
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.CommandDeg), "commanded", Colors.OrangeRed).LinePattern = LinePattern.Dashed;
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.NozzleDeg), "nozzle deflection (pitch)", Colors.Teal);
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.YawDeg), "true yaw (+ left)", Colors.Purple);
        PlotFiles.Line(attitude, t, PlotFiles.Column(s, x => x.NozzleYawDeg), "nozzle deflection (yaw)", Colors.Olive).LineWidth = 1;
        Finish(attitude, termination, Alignment.UpperLeft);

        var error = Limited(
            $"{name}: attitude error against the termination limit", "Attitude error (deg)", t,
            PlotFiles.Column(s, x => Math.Sqrt(Math.Pow(x.PitchDeg - x.CommandDeg, 2) + Math.Pow(x.YawDeg - x.YawCommandDeg, 2))),
            PlotFiles.Column(s, x => x.NavAttitudeErrorDeg), afts.AttitudeError.Limit, termination);
        var rate = Limited(
            $"{name}: angular rate (pitch and yaw) against the termination limit", "Angular rate (deg/s)", t,
            PlotFiles.Column(s, x => Math.Sqrt((x.RateDegPerS * x.RateDegPerS) + (x.YawRateDegPerS * x.YawRateDegPerS))),
            PlotFiles.Column(s, x => x.NavRateDegPerS), afts.AttitudeRate.Limit, termination);

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
            PlotFiles.Save(attitude, directory, "attitude", "Attitude, command and nozzle in pitch and yaw"),
            PlotFiles.Save(error, directory, "attitude-error", "Attitude error against the limit"),
            PlotFiles.Save(rate, directory, "attitude-rate", "Angular rate against the limit"),
            JudgePlots.Performance(result, directory),
            JudgePlots.LimitLine(result, directory),
            IipMap.Write(result, directory),
            JudgePlots.Channels(result, directory),
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

    // The scenario's public figures that sit on the altitude plot: altitude at a time, the termination's time and
    // altitude, separation and fairing times.
    private static void Checkpoints(Plot plot, AscentResult result)
    {
        var figures = result.Scenario.Reference?.Figures ?? [];
        var termination = figures.FirstOrDefault(f => f.Metric == AscentMetric.TerminationTimeS);
        foreach (var f in figures)
        {
            var (x, y) = f.Metric switch
            {
                AscentMetric.AltitudeAtTimeKm when f.AtS is { } at => (at, f.Value),
                AscentMetric.TerminationAltitudeKm when termination is not null => (termination.Value, f.Value),
                _ => (double.NaN, double.NaN),
            };
            if (!double.IsNaN(x))
            {
                var marker = plot.Add.Marker(x, y, MarkerShape.OpenCircle, 12, Colors.Red);
                marker.LegendText = $"public: {Number.F(y, 1)} ± {Number.F(f.Tolerance, 1)} km at {Number.F(x, 1)} s";
            }

            if (f.Metric is AscentMetric.FirstSeparationTimeS or AscentMetric.FairingJettisonTimeS)
            {
                var what = f.Metric == AscentMetric.FirstSeparationTimeS ? "separation" : "fairing";
                plot.Add.VerticalLine(f.Value, 1, Colors.Green, LinePattern.Dashed).LegendText = $"public: {what} {Number.F(f.Value, 0)} s";
            }
        }
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
