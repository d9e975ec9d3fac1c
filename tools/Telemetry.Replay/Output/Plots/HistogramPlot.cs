using ScottPlot;
using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Plots;

/// <summary>Histogram of the vertical speed at contact over a Monte Carlo campaign, with the safe limit.</summary>
internal static class HistogramPlot
{
    public static PlotImage Write(MonteCarloCampaign campaign, string directory)
    {
        var speeds = campaign.ContactSpeedsMps;
        var plot = PlotFiles.Create(
            $"{campaign.Scenario.Name}: vertical speed at contact, {campaign.Summary.Runs} runs",
            "Vertical speed at contact (m/s)",
            "Runs");
        if (speeds.Length > 0)
        {
            var limit = campaign.Scenario.Touchdown.MaxVerticalSpeedMps;
            var min = Math.Min(speeds[0], limit);
            var max = Math.Max(speeds[^1], limit);
            // Bins wide enough that a small campaign still shows a shape: about sqrt(n), between 10 and 60.
            var bins = Math.Clamp((int)Math.Sqrt(speeds.Length), 10, 60);
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max == min ? min + 1 : max);
            histogram.AddRange(speeds);
            plot.Add.Histogram(histogram);
            var line = plot.Add.VerticalLine(limit, 2, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"safe limit {Number.F(limit, 1)} m/s";
            plot.Axes.Margins(bottom: 0);
            plot.ShowLegend(Alignment.UpperRight);
        }

        return PlotFiles.Save(plot, directory, "touchdown-speed-histogram", "Histogram of the vertical speed at contact");
    }
}
