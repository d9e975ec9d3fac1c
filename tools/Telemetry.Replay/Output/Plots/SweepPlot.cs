using ScottPlot;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Plots;

/// <summary>Touchdown vertical speed against the swept value, with the safe-speed limit and the critical value.</summary>
internal static class SweepPlot
{
    public static PlotImage Write(SweepResult sweep, string directory)
    {
        var contact = sweep.Points.Where(p => p.Outcome.Kind != OutcomeKind.Timeout).OrderBy(p => p.Value).ToList();
        var plot = PlotFiles.Create(
            $"{sweep.Scenario.Name}: touchdown speed against {sweep.Parameter.Label()}",
            sweep.Parameter.Label(),
            "Vertical speed at contact (m/s)");
        PlotFiles.Line(plot, [.. contact.Select(p => p.Value)], [.. contact.Select(p => p.Outcome.VerticalSpeedMps)], "vertical speed at contact", Colors.Blue)
            .MarkerSize = 0;
        Markers(plot, contact.Where(p => p.Outcome.IsSafe), "safe landing", Colors.Green);
        Markers(plot, contact.Where(p => !p.Outcome.IsSafe), "hard impact", Colors.Red);

        var safe = sweep.Scenario.Touchdown.MaxVerticalSpeedMps;
        var limit = plot.Add.HorizontalLine(safe, 2, Colors.Red, LinePattern.Dashed);
        limit.LegendText = $"safe limit {Number.F(safe, 1)} m/s";
        // Axis lines do not take part in autoscaling: the y range is set to show zero and the limit even when every
        // point lands softly well below it.
        plot.Axes.AutoScale();
        var top = contact.Count > 0 ? contact.Max(p => p.Outcome.VerticalSpeedMps) : safe;
        plot.Axes.SetLimitsY(0, Math.Max(top, safe) * 1.1);
        if (sweep.Verdict.Critical is { } critical)
        {
            var line = plot.Add.VerticalLine(critical, 2, Colors.DarkOrange, LinePattern.Dotted);
            line.LegendText = $"critical value {Number.F(critical)} {sweep.Parameter.Unit()}";
        }

        // Severity grows to the right for both parameters, so the fast, unsafe end is always on the right.
        if (!sweep.Parameter.HigherIsMoreSevere())
        {
            plot.Axes.InvertX();
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return PlotFiles.Save(plot, directory, "sweep", "Touchdown speed against the swept fault");
    }

    private static void Markers(Plot plot, IEnumerable<SweepPoint> points, string legend, Color color)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var markers = plot.Add.ScatterPoints(list.Select(p => p.Value).ToArray(), list.Select(p => p.Outcome.VerticalSpeedMps).ToArray(), color);
        markers.LegendText = legend;
        markers.MarkerSize = 8;
    }
}
