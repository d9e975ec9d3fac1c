using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Output.Csv;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Plots;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output;

/// <summary>The files of one descent: trajectory CSV, outcome JSON, PNG and SVG plots, and the HTML report that bundles them.</summary>
internal static class RunOutputs
{
    public const string CsvName = "trajectory.csv";

    public static ReportFiles Write(DescentResult result, string directory)
    {
        var csv = Path.Combine(directory, CsvName);
        TrajectoryCsv.Write(csv, result.Trajectory);
        var json = Json.OutcomeJson.Write(directory, result);
        var plots = TrajectoryPlots.Write(result, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var scenario = result.Scenario;
        var report = new HtmlReport($"Descent replay: {scenario.Name}")
            .Paragraph(scenario.Description)
            .Paragraph($"Seed {result.Seed}; integration step {Number.F(scenario.StepS, 3)} s; trajectory in {CsvName}, outcome for scripts in {Json.OutcomeJson.FileName}.")
            .Paragraph(Verdict(result.Outcome), "verdict")
            .Table(OutcomeTable.Build(result))
            .Table(ReferenceTable.Build(result))
            .Table(TimelineTable.Build(result.Events))
            .Heading("Plots");
        foreach (var plot in plots)
        {
            report.Plot(plot);
        }

        report.Scenario(scenario).Save(html);
        return new ReportFiles(csv, plots, html, json);
    }

    public static string Verdict(Outcome outcome) => outcome.Kind switch
    {
        OutcomeKind.SoftTouchdown => $"Soft touchdown at {Number.F(outcome.VerticalSpeedMps, 2)} m/s after {Number.F(outcome.TimeS)} s.",
        OutcomeKind.HardImpact => $"Hard impact at {Number.F(outcome.VerticalSpeedMps, 1)} m/s down and " +
            $"{Number.F(outcome.HorizontalSpeedMps, 1)} m/s across after {Number.F(outcome.TimeS)} s: {Describe(outcome.Cause)}.",
        _ => $"No contact before the timeout at {Number.F(outcome.TimeS)} s.",
    };

    /// <summary>A failure cause in words, for verdicts.</summary>
    public static string Describe(FailureCause cause) => cause switch
    {
        FailureCause.None => "no failure",
        FailureCause.VerticalSpeed => "vertical speed over its limit",
        FailureCause.HorizontalSpeed => "horizontal speed over its limit (the vertical was within its own)",
        FailureCause.VerticalAndHorizontalSpeed => "vertical and horizontal speed both over their limits",
        FailureCause.Propellant => "the propellant ran out before contact",
        _ => "no contact before the timeout",
    };
}
