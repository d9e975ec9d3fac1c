using ScottPlot;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>The files of ascent campaigns, trade-offs and sweeps: CSV, PNG and SVG plots, and the HTML report.</summary>
internal static class CampaignOutputs
{
    public static ReportFiles Campaign(
        AscentCampaignSummary summary, IReadOnlyList<AscentScenario> scenarios, string directory, IReadOnlyList<double>? weights = null)
    {
        var csv = Path.Combine(directory, MonteCarloOutputs.CsvName);
        CampaignCsv.Runs(csv, summary);
        CampaignCsv.Rules(Path.Combine(directory, "rules.csv"), summary);
        var plot = CampaignPlots.Judgements(summary, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var report = Report($"Monte Carlo: {string.Join(" + ", summary.Scenarios)}", scenarios, CampaignTables.Verdict(summary))
            .Table(CampaignTables.Summary(summary))
            .Table(CampaignTables.ByScenario(summary));
        if (weights is not null)
        {
            CampaignCsv.Weighted(Path.Combine(directory, "population.csv"), summary, weights);
            report.Table(CampaignTables.Weighted(summary, weights));
        }

        report.Plot(plot).Save(html);
        return new ReportFiles(csv, [plot], html);
    }

    public static ReportFiles TradeOff(
        AftsSetting setting, IReadOnlyList<TradeOffPoint> points, IReadOnlyList<AscentScenario> scenarios, string directory)
    {
        var csv = Path.Combine(directory, "tradeoff.csv");
        CampaignCsv.TradeOff(csv, setting, points);
        PlotImage[] plots = [CampaignPlots.TradeOff(setting, points, directory), CampaignPlots.AgainstSetting(setting, points, directory)];
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var report = Report($"Trade-off: {setting.Name} over {string.Join(" + ", scenarios.Select(s => s.Name))}", scenarios,
            $"{points.Count} campaigns of {points[0].Summary.RunsPerScenario} runs per scenario, seeds from {points[0].Summary.Seed}. " +
            "Every value flies the same dispersed vehicles, so the curve moves with the setting alone.");
        report.Table(CampaignTables.TradeOff(setting, points));
        foreach (var plot in plots)
        {
            report.Plot(plot);
        }

        report.Save(html);
        return new ReportFiles(csv, plots, html);
    }

    public static ReportFiles Grid(
        AftsSetting first, AftsSetting second, IReadOnlyList<GridPoint> points, IReadOnlyList<AscentScenario> scenarios, string directory)
    {
        var csv = Path.Combine(directory, "grid.csv");
        CampaignCsv.Grid(csv, first, second, points);
        var plot = CampaignPlots.Frontier(first, second, points, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var front = points.Where(p => p.OnFrontier).ToList();
        Report($"Grid: {first.Name} and {second.Name} over {string.Join(" + ", scenarios.Select(s => s.Name))}", scenarios,
                $"{points.Count} pairs of values, {front.Count} on the frontier (no other pair has both fewer false and fewer missed terminations).")
            .Table(new Tables.TableData("Frontier", [first.Label, second.Label, "false termination", "missed termination"],
                [.. front.Select(p => new Tables.TableRow([first.Format(p.First), second.Format(p.Second),
                    CampaignTables.Probability(p.Summary.FalseTermination, "healthy"), CampaignTables.Probability(p.Summary.MissedTermination, "dangerous")]))]))
            .Plot(plot)
            .Save(html);
        return new ReportFiles(csv, [plot], html);
    }

    public static ReportFiles Sweep(AscentSweepResult sweep, string directory)
    {
        var csv = Path.Combine(directory, SweepOutputs.CsvName);
        using (var file = Csv.CsvWriter.OpenFile(csv))
        {
            var w = new Csv.CsvWriter(file);
            w.Header(sweep.Setting.Name, "outcome", "judgement", "rule", "termination_time_s", "value", "limit");
            for (var i = 0; i < sweep.Values.Count; i++)
            {
                var o = sweep.Outcomes[i];
                w.Cell(sweep.Values[i]).Cell(SnakeCase.Of(o.Kind)).Cell(SnakeCase.Of(o.Judgement)).Cell(o.Termination is { } d ? AftsRules.Name(d.Rule) : "")
                    .Cell(o.Termination?.TimeS).Cell(o.Termination?.Value).Cell(o.Termination?.Limit).EndRow();
            }
        }

        var plot = SweepPlot(sweep, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        Report($"Sweep: {sweep.Scenario.Name}, {sweep.Setting.Label}", [sweep.Scenario], sweep.Verdict)
            .Table(SweepTable(sweep))
            .Plot(plot)
            .Save(html);
        return new ReportFiles(csv, [plot], html);
    }

    public static Tables.TableData SweepTable(AscentSweepResult sweep) => new(
        $"{sweep.Scenario.Name}: termination against {sweep.Setting.Label}",
        [sweep.Setting.Label, "outcome", "judgement", "rule", "terminated at (s)"],
        [.. sweep.Values.Select((v, i) => new Tables.TableRow(
        [
            sweep.Setting.Format(v), SnakeCase.Of(sweep.Outcomes[i].Kind), SnakeCase.Of(sweep.Outcomes[i].Judgement),
            sweep.Outcomes[i].Termination is { } d ? AftsRules.Name(d.Rule) : "-", Number.F(sweep.Outcomes[i].Termination?.TimeS, 2),
        ], AscentSweepResult.IsRight(sweep.Outcomes[i])))]);

    private static PlotImage SweepPlot(AscentSweepResult sweep, string directory)
    {
        // Runs never terminated have no termination time: they sit on their own row above the terminated ones, marked
        // as such, not at the end of their flight as if that were a termination.
        var plot = PlotFiles.Create($"{sweep.Scenario.Name}: termination time against {sweep.Setting.Label}", sweep.Setting.Label, "Termination time (s)");
        var terminated = sweep.Outcomes.Where(o => o.Termination is not null).Select(o => o.Termination!.TimeS).ToList();
        var top = terminated.Count > 0 ? terminated.Max() * 1.15 + 1 : 1;
        foreach (var (right, flown) in new[] { (true, false), (false, false), (true, true), (false, true) })
        {
            var index = Enumerable.Range(0, sweep.Values.Count)
                .Where(i => AscentSweepResult.IsRight(sweep.Outcomes[i]) == right && (sweep.Outcomes[i].Termination is null) == flown).ToList();
            if (index.Count > 0)
            {
                double[] xs = [.. index.Select(i => sweep.Values[i])];
                double[] ys = [.. index.Select(i => sweep.Outcomes[i].Termination?.TimeS ?? top)];
                var markers = plot.Add.ScatterPoints(xs, ys, right ? Colors.Green : Colors.Red);
                markers.MarkerSize = 8;
                markers.MarkerShape = flown ? MarkerShape.OpenTriangleUp : MarkerShape.FilledCircle;
                markers.LegendText = (right ? "judged rightly" : "judged wrongly") + (flown ? ", not terminated (top row)" : ", terminated");
            }
        }

        plot.Axes.SetLimitsY(0, top * 1.08);
        plot.ShowLegend(Alignment.LowerRight);
        return PlotFiles.Save(plot, directory, "sweep", "Termination time against the swept setting");
    }

    private static HtmlReport Report(string title, IReadOnlyList<AscentScenario> scenarios, string verdict)
    {
        var report = new HtmlReport(title);
        foreach (var s in scenarios)
        {
            report.Paragraph($"{s.Name}: {s.Description}");
        }

        report.Paragraph("Healthy: the run reaches orbit and its true state is never dangerous. Dangerous: its true impact point crosses " +
            "a limit line or enters a protected zone, or it loses control. A termination is judged against the truth of the same run, " +
            "flown on unseen after the termination.");
        report.Paragraph(verdict, "verdict");
        return report;
    }
}
