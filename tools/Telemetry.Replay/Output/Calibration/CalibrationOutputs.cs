using System.Text.Json;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Descent.Calibration;
using Telemetry.Replay.Output.Csv;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Json;

namespace Telemetry.Replay.Output.Calibration;

/// <summary>
/// The files of a calibration: <c>figures.csv</c> (every public figure before, at the fit and held out),
/// <c>parameters.csv</c>, <c>calibration.json</c>, the HTML report, and the fitted scenario files.
/// </summary>
internal static class CalibrationOutputs
{
    public const string FiguresName = "figures.csv";
    public const string ParametersName = "parameters.csv";
    public const string JsonName = "calibration.json";

    /// <summary>Writes everything; returns the files written.</summary>
    public static IReadOnlyList<string> Write(CalibrationResult result, string directory, string scenarioDirectory)
    {
        var figures = Path.Combine(directory, FiguresName);
        WriteFigures(figures, result);
        var parameters = Path.Combine(directory, ParametersName);
        WriteParameters(parameters, result);
        var json = Path.Combine(directory, JsonName);
        File.WriteAllText(json, JsonSerializer.Serialize(Document(result), OutcomeJson.Options) + "\n");
        Directory.CreateDirectory(scenarioDirectory);
        var scenarios = JointCalibration.FamilyWith(result).Select(s =>
        {
            var path = Path.Combine(scenarioDirectory, s.Name + ".json");
            File.WriteAllText(path, ScenarioCatalog.ToJson(s) + "\n");
            return path;
        }).ToList();
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var report = new HtmlReport("Joint calibration of the descent model")
            .Paragraph("One set of unpublished lander parameters, fitted within their plausible ranges to every public figure of " +
                "Missions 1 and 2 at once (weighted least squares, bounded Levenberg-Marquardt; each residual is (model - published) / sigma). " +
                $"Every run flies seed {result.Seed}. Fitted scenario files: {string.Join(", ", scenarios.Select(Path.GetFileName))}.")
            .Table(CalibrationTables.Parameters(result))
            .Table(CalibrationTables.Figures(result))
            .Table(CalibrationTables.Conflicts(result));
        if (result.HoldOuts.Count > 0)
        {
            report.Table(CalibrationTables.HoldOuts(result));
        }

        report.Paragraph(CalibrationTables.Summary(result)).Save(html);
        return [figures, parameters, json, html, .. scenarios];
    }

    private static void WriteFigures(string path, CalibrationResult result)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header("id", "mission", "role", "published", "sigma", "unit", "before", "residual_before", "model", "residual", "passes",
            "held_out_prediction", "held_out_residual", "source");
        for (var i = 0; i < result.Figures.Count; i++)
        {
            var f = result.Figures[i];
            var held = result.HoldOuts.FirstOrDefault(h => h.Figure == f.Figure);
            csv.Cell(f.Figure.Id).Cell(f.Figure.Mission).Cell(f.Figure.Role.ToString().ToLowerInvariant()).Cell(f.Figure.Value)
                .Cell(f.Figure.Sigma).Cell(f.Figure.Unit).Cell(result.Before[i].Model).Cell(result.Before[i].Residual).Cell(f.Model)
                .Cell(f.Residual).Cell(f.Passes).Cell(held?.Predicted).Cell(held?.Residual).Cell(f.Figure.Source).EndRow();
        }
    }

    private static void WriteParameters(string path, CalibrationResult result)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header("parameter", "unit", "low", "high", "before", "fitted", "at_bound");
        for (var j = 0; j < result.Parameters.Count; j++)
        {
            var p = result.Parameters[j];
            csv.Cell(p.Name).Cell(p.Unit).Cell(p.Low).Cell(p.High).Cell(result.Start[j]).Cell(result.Values[j]).Cell(result.AtBound(j)).EndRow();
        }
    }

    private static object Document(CalibrationResult result) => new
    {
        Kind = "calibration",
        result.Seed,
        result.Iterations,
        result.Runs,
        result.Cost,
        Parameters = result.Parameters.Select((p, j) => new
        {
            p.Name, p.Label, p.Unit, p.Low, p.High, Before = result.Start[j], Fitted = result.Values[j], AtBound = result.AtBound(j), p.Basis,
        }),
        Figures = result.Figures.Select((f, i) => new
        {
            f.Figure.Id, f.Figure.Mission, f.Figure.Label, Role = f.Figure.Role.ToString().ToLowerInvariant(), Published = f.Figure.Value,
            f.Figure.Sigma, f.Figure.Unit, f.Figure.AtLeast, f.Figure.AtMost, Before = result.Before[i].Model, f.Model, f.Residual, f.Passes,
            f.Figure.Source, f.Figure.Why,
        }),
        Conflicts = result.Conflicts.Select(c => new { First = c.First.Id, Second = c.Second.Id, c.Cosine }),
        HoldOuts = result.HoldOuts.Select(h => new { h.Figure.Id, h.Predicted, h.Residual, h.Values }),
    };
}
