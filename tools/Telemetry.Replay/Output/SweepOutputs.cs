using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Csv;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Plots;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output;

/// <summary>The files of a sweep: points CSV, the touchdown-speed curve as PNG and SVG, and the HTML report.</summary>
internal static class SweepOutputs
{
    public const string CsvName = "sweep.csv";

    public static ReportFiles Write(SweepResult sweep, string directory)
    {
        var csv = Path.Combine(directory, CsvName);
        SweepCsv.Write(csv, sweep);
        var plot = SweepPlot.Write(sweep, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        new HtmlReport($"Sweep: {sweep.Scenario.Name}, {sweep.Parameter.Label()}")
            .Paragraph(sweep.Scenario.Description)
            .Paragraph($"{sweep.Points.Count} runs, seed {sweep.Seed}; safe means a soft touchdown (vertical speed at most " +
                $"{Number.F(sweep.Scenario.Touchdown.MaxVerticalSpeedMps, 2)} m/s, horizontal at most " +
                $"{Number.F(sweep.Scenario.Touchdown.MaxHorizontalSpeedMps, 2)} m/s). Points in {CsvName}.")
            .Paragraph(Verdict(sweep), "verdict")
            .Plot(plot)
            .Table(SweepTable.Build(sweep))
            .Scenario(sweep.Scenario)
            .Save(html);
        return new ReportFiles(csv, [plot], html);
    }

    public static string Verdict(SweepResult sweep)
    {
        var v = sweep.Verdict;
        var label = sweep.Parameter.Name();
        var unit = sweep.Parameter.Unit();
        var worst = sweep.Parameter.HigherIsMoreSevere() ? "largest" : "lowest";
        if (v.Critical is not { } critical)
        {
            return $"No safe landing: even the mildest value swept ({Number.F(v.FirstUnsafe)} {unit}) fails.";
        }

        if (v.FirstUnsafe is not { } firstUnsafe)
        {
            return $"Every point lands safely; the critical {label} lies beyond the sweep, past {Number.F(critical)} {unit}.";
        }

        var text = $"Critical {label}: {Number.F(critical)} {unit}, the {worst} that still lands safely; " +
            $"{Number.F(firstUnsafe)} {unit} fails.";
        return v.SafeBeyond.Count == 0
            ? text
            : text + $" Beyond it, {v.SafeBeyond.Count} isolated point(s) land safely again ({string.Join(", ", v.SafeBeyond.Select(x => Number.F(x)))} {unit}); they do not count as margin.";
    }
}
