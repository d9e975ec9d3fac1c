using ScottPlot;
using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Plots;

/// <summary>Histogram of the vertical speed at contact over a Monte Carlo campaign, with the safe limit.</summary>
internal static class HistogramPlot
{
    public static PlotImage Write(MonteCarloCampaign campaign, string directory)
    {
        var speeds = campaign.ContactSpeedsMps;
        var limit = campaign.Scenario.Touchdown.MaxVerticalSpeedMps;
        var plot = PlotFiles.Create(
            $"{campaign.Scenario.Name}: vertical speed at contact, {speeds.Length} of {campaign.Summary.Runs} runs reached the surface",
            "Vertical speed at contact (m/s)",
            "Runs");
        if (speeds.Length > 0)
        {
            var (min, max) = (speeds[0], speeds[^1]);
            if (max - min < 1e-9)
            {
                (min, max) = (min - 0.5, max + 0.5);
            }

            // Bins span the data only, so a tight cluster still shows its shape; about sqrt(n) bins, 10 to 60.
            var bins = Math.Clamp((int)Math.Sqrt(speeds.Length), 10, 60);
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max);
            histogram.AddRange(speeds);
            plot.Add.Histogram(histogram);
            plot.Axes.Margins(bottom: 0);

            // A limit far from the data would squeeze every bar into one; then the legend says where it is instead.
            var span = max - min;
            var near = limit >= min - span && limit <= max + span;
            var text = $"safe limit {Number.F(limit, 1)} m/s" + (near ? string.Empty : limit > max ? ", far above these speeds" : ", far below these speeds");
            var line = plot.Add.VerticalLine(near ? limit : double.NaN, 2, Colors.Red, LinePattern.Dashed);
            line.LegendText = text;
            if (near)
            {
                // Axis lines do not take part in autoscaling; the x range is widened to show the limit.
                var pad = 0.05 * (Math.Max(max, limit) - Math.Min(min, limit));
                plot.Axes.AutoScale();
                plot.Axes.SetLimitsX(Math.Min(min, limit) - pad, Math.Max(max, limit) + pad);
            }
            plot.ShowLegend(Alignment.UpperRight);
        }

        return PlotFiles.Save(plot, directory, "touchdown-speed-histogram", "Histogram of the vertical speed at contact");
    }
}
