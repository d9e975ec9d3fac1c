using System.Text.Json;
using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Json;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Sensitivity;

/// <summary>
/// The files of a sensitivity analysis: both CSVs, <c>sensitivity.json</c>, a tornado plot per figure (PNG and SVG),
/// and the HTML report with the tables and plots.
/// </summary>
internal static class SensitivityOutputs
{
    public const string JsonName = "sensitivity.json";

    public static ReportFiles Write(SensitivityResult result, string directory)
    {
        var oat = Path.Combine(directory, SensitivityCsv.OneAtATimeName);
        SensitivityCsv.WriteOneAtATime(oat, result);
        var lhs = Path.Combine(directory, SensitivityCsv.LatinHypercubeName);
        SensitivityCsv.WriteLatinHypercube(lhs, result);
        var json = Path.Combine(directory, JsonName);
        File.WriteAllText(json, JsonSerializer.Serialize(Document(result), OutcomeJson.Options) + "\n");
        var plots = SensitivityFigures.All.Where(f => result.Tornado(f).Count > 0).Select(f => TornadoPlot.Write(result, f, directory)).ToList();
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var report = new HtmlReport($"Sensitivity: {result.Scenario.Name}")
            .Paragraph(result.Scenario.Description)
            .Paragraph($"Seed {result.Seed} for every run, so only the parameters differ. One at a time: each parameter at the two ends " +
                $"of its range, the rest as in the scenario ({SensitivityCsv.OneAtATimeName}). All together: {result.Sample.Count} " +
                $"Latin-hypercube runs ({SensitivityCsv.LatinHypercubeName}). Everything for scripts in {JsonName}.")
            .Heading("Sensitivity")
            .Table(SensitivityTables.Parameters(result))
            .Table(SensitivityTables.Spread(result));
        foreach (var figure in SensitivityFigures.All.Where(f => result.Tornado(f).Count > 0))
        {
            report.Table(SensitivityTables.Tornado(result, figure)).Plot(plots.First(p => p.Name == TornadoPlot.FileName(figure)));
        }

        report.Scenario(result.Scenario).Save(html);
        return new ReportFiles(oat, plots, html, json, [lhs]);
    }

    private static object Document(SensitivityResult result) => new
    {
        Kind = "sensitivity",
        Scenario = result.Scenario.Name,
        result.Seed,
        Parameters = result.Parameters.Select(p => new { p.Name, p.Label, p.Unit, p.Low, p.High, InScenario = p.ValueIn(result.Scenario), p.Basis }),
        Figures = SensitivityFigures.All.Select(f => new
        {
            Id = SensitivityFigures.Id(f),
            Label = SensitivityFigures.Label(f),
            Unit = SensitivityFigures.Unit(f),
            Baseline = result.Baseline[(int)f],
            Tornado = result.Tornado(f).Select(b => new { Parameter = b.Parameter.Name, b.AtLow, b.AtHigh, b.Swing }),
            LatinHypercube = result.Spread(f),
            RankCorrelations = result.Parameters.Select((p, j) => new { Parameter = p.Name, Spearman = Finite(result.RankCorrelations(f)[j]) }),
        }),
        Sample = result.Sample,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
