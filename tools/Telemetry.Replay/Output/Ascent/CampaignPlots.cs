using ScottPlot;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>Plots of ascent campaigns: judgements, and the trade-off between false and missed terminations with 95 % intervals.</summary>
internal static class CampaignPlots
{
    public static PlotImage Judgements(AscentCampaignSummary s, string directory)
    {
        var plot = PlotFiles.Create($"Judgements over {s.Runs.Count} runs of {string.Join(" + ", s.Scenarios)}", "Judgement", "Runs");
        var judgements = Enum.GetValues<AftsJudgement>();
        var bars = plot.Add.Bars([.. judgements.Select(j => (double)s.CountOf(j))]);
        for (var i = 0; i < judgements.Length; i++)
        {
            bars.Bars[i].FillColor = judgements[i] is AftsJudgement.CorrectlyFlown or AftsJudgement.WarrantedTermination ? Colors.Green : Colors.Red;
        }

        plot.Axes.Bottom.SetTicks([.. judgements.Select((_, i) => (double)i)], [.. judgements.Select(j => SnakeCase.Of(j))]);
        plot.Axes.Margins(bottom: 0);
        return PlotFiles.Save(plot, directory, "judgements", "Runs by judgement");
    }

    /// <summary>Missed against false terminations, one point per setting value with its intervals on both axes.</summary>
    public static PlotImage TradeOff(AftsSetting setting, IReadOnlyList<TradeOffPoint> points, string directory)
    {
        // A point needs both rates: with no healthy or no dangerous runs one of them is undefined, not 0.
        var defined = points.Where(p => p.Summary.FalseTermination.Total > 0 && p.Summary.MissedTermination.Total > 0).ToList();
        var title = defined.Count == points.Count
            ? $"False against missed terminations over {setting.Label}"
            : $"False against missed terminations over {setting.Label} ({points.Count - defined.Count} value(s) without healthy or dangerous runs left out)";
        var plot = PlotFiles.Create(title, "P(false termination of a healthy vehicle)", "P(missed termination of a dangerous vehicle)");
        points = defined;
        if (points.Count == 0)
        {
            return PlotFiles.Save(plot, directory, "tradeoff", "Trade-off between false and missed terminations: undefined (no dangerous or no healthy runs)");
        }

        var xs = points.Select(p => p.Summary.FalseTermination.Value).ToArray();
        var ys = points.Select(p => p.Summary.MissedTermination.Value).ToArray();
        PlotFiles.Line(plot, xs, ys, "trade-off curve", Colors.Blue).MarkerSize = 7;
        foreach (var p in points)
        {
            var (f, m) = (p.Summary.FalseTermination, p.Summary.MissedTermination);
            Interval(plot, f.WilsonLower, m.Value, f.WilsonUpper, m.Value);
            Interval(plot, f.Value, m.WilsonLower, f.Value, m.WilsonUpper);
            var label = plot.Add.Text($"{setting.Format(p.Value)}", f.Value, m.Value);
            label.LabelFontSize = 11;
            label.OffsetX = 6;
        }

        plot.Axes.SetLimits(-0.02, Math.Max(0.1, points.Max(p => p.Summary.FalseTermination.WilsonUpper)) * 1.05,
            -0.02, Math.Max(0.1, points.Max(p => p.Summary.MissedTermination.WilsonUpper)) * 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        return PlotFiles.Save(plot, directory, "tradeoff", "Trade-off between false and missed terminations (95 % intervals)");
    }

    /// <summary>Every pair of a two-setting grid in the false/missed plane, the frontier joined.</summary>
    public static PlotImage Frontier(AftsSetting first, AftsSetting second, IReadOnlyList<GridPoint> points, string directory)
    {
        var defined = points.Where(p => p.Defined).ToList();
        var plot = PlotFiles.Create($"Frontier over {first.Name} and {second.Name} ({points.Count - defined.Count} pair(s) with an undefined rate left out)",
            "P(false termination of a healthy vehicle)", "P(missed termination of a dangerous vehicle)");
        if (defined.Count > 0)
        {
            double[] xs = [.. defined.Select(p => p.Summary.FalseTermination.Value)];
            double[] ys = [.. defined.Select(p => p.Summary.MissedTermination.Value)];
            var all = plot.Add.ScatterPoints(xs, ys, Colors.Gray);
            all.LegendText = "pairs of values";
            var front = defined.Where(p => p.OnFrontier).OrderBy(p => p.Summary.FalseTermination.Value).ToList();
            PlotFiles.Line(plot, [.. front.Select(p => p.Summary.FalseTermination.Value)], [.. front.Select(p => p.Summary.MissedTermination.Value)],
                "frontier", Colors.Red).MarkerSize = 8;
            foreach (var p in front)
            {
                var label = plot.Add.Text($"{first.Format(p.First)}, {second.Format(p.Second)}", p.Summary.FalseTermination.Value, p.Summary.MissedTermination.Value);
                label.LabelFontSize = 10;
                label.OffsetX = 6;
            }

            plot.Axes.SetLimits(-0.02, Math.Max(0.1, defined.Max(p => p.Summary.FalseTermination.Value)) * 1.1,
                -0.02, Math.Max(0.1, defined.Max(p => p.Summary.MissedTermination.Value)) * 1.1);
        }

        plot.ShowLegend(Alignment.UpperRight);
        return PlotFiles.Save(plot, directory, "frontier", "False against missed terminations over two settings, with the frontier");
    }

    /// <summary>Both probabilities against the setting value, each with its 95 % band.</summary>
    public static PlotImage AgainstSetting(AftsSetting setting, IReadOnlyList<TradeOffPoint> points, string directory)
    {
        var plot = PlotFiles.Create($"Termination errors against {setting.Label}", setting.Label, "Probability");
        var xs = points.Select(p => p.Value).ToArray();
        Band(plot, xs, [.. points.Select(p => p.Summary.FalseTermination)], "false termination", Colors.Red);
        Band(plot, xs, [.. points.Select(p => p.Summary.MissedTermination)], "missed termination", Colors.Blue);
        plot.Axes.SetLimitsY(-0.02, 1.02);
        plot.ShowLegend(Alignment.UpperCenter);
        return PlotFiles.Save(plot, directory, "tradeoff-by-value", "False and missed terminations against the setting");
    }

    private static void Band(Plot plot, double[] allXs, Proportion[] all, string legend, Color color)
    {
        // Values with no runs to count have no rate: left out rather than drawn at 0.
        var xs = allXs.Where((_, i) => all[i].Total > 0).ToArray();
        var p = all.Where(x => x.Total > 0).ToArray();
        if (p.Length == 0)
        {
            return;
        }

        PlotFiles.Line(plot, xs, [.. p.Select(x => x.Value)], legend, color).MarkerSize = 6;
        var lower = PlotFiles.Line(plot, xs, [.. p.Select(x => x.WilsonLower)], legend + " 95 % interval", color);
        var upper = PlotFiles.Line(plot, xs, [.. p.Select(x => x.WilsonUpper)], "", color);
        foreach (var line in new[] { lower, upper })
        {
            line.LineWidth = 1;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
        }
    }

    private static void Interval(Plot plot, double x1, double y1, double x2, double y2)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.LineColor = Colors.Gray;
        line.LineWidth = 1;
    }
}
