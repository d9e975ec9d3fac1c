using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Json;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>The files of one ascent: trajectory CSV, outcome JSON, PNG and SVG plots, and the HTML report.</summary>
internal static class AscentOutputs
{
    public static ReportFiles Write(AscentResult result, string directory)
    {
        var csv = Path.Combine(directory, RunOutputs.CsvName);
        AscentCsv.Write(csv, result.Trajectory);
        var json = OutcomeJson.Write(directory, result);
        var plots = AscentPlots.Write(result, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var scenario = result.Scenario;
        var report = new HtmlReport($"Ascent replay: {scenario.Name}")
            .Paragraph(scenario.Description)
            .Paragraph($"Seed {result.Seed}; integration step {Number.F(scenario.StepS, 3)} s; judgement cycle {Number.F(scenario.Afts.CycleS, 3)} s; " +
                $"trajectory in {RunOutputs.CsvName}, outcome for scripts in {OutcomeJson.FileName}. The termination system sees navigation, " +
                "not the truth; after a termination the flight is continued unseen to learn what the vehicle would have done.")
            .Paragraph(AscentVerdict.Of(result.Outcome), "verdict")
            .Table(AscentTables.Outcome(result))
            .Table(AscentTables.Reference(result))
            .Table(AscentTables.Rules(scenario.Afts))
            .Table(AscentTables.Timeline(result.Events))
            .Heading("Plots");
        foreach (var plot in plots)
        {
            report.Plot(plot);
        }

        report.Details($"Scenario '{scenario.Name}' as flown (JSON; save it and pass its path to re-run)", AscentScenarioCatalog.ToJson(scenario))
            .Save(html);
        return new ReportFiles(csv, plots, html, json);
    }
}
