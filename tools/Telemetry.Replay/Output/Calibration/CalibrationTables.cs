using System.Globalization;
using Telemetry.Simulation.Descent.Calibration;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output.Calibration;

/// <summary>The joint calibration in tables: parameters, every public figure, the conflicts, and the hold-outs.</summary>
internal static class CalibrationTables
{
    public static TableData Parameters(CalibrationResult result) => new(
        $"Fitted parameters (seed {result.Seed}, {result.Iterations} iterations, {result.Runs} descents)",
        ["parameter", "shipped before", "fitted", "low", "high", "unit", "note"],
        [.. result.Parameters.Select((p, j) => new TableRow(
            [p.Label, Number.Short(result.Start[j]), Number.Short(result.Values[j]), Number.Short(p.Low), Number.Short(p.High), p.Unit,
             result.AtBound(j) ? "at the end of its range: the figures want it beyond" : ""],
            result.AtBound(j) ? false : null))]);

    public static TableData Figures(CalibrationResult result) => new(
        "Public figures beside the model (residual = (model - published) / sigma)",
        ["mission", "figure", "published", "sigma", "before", "model", "residual", "role", "held out: predicted (residual)", "source"],
        [.. result.Figures.Select((f, i) =>
        {
            var held = result.HoldOuts.FirstOrDefault(h => h.Figure == f.Figure);
            return new TableRow(
            [
                f.Figure.Mission, f.Figure.Label, Published(f.Figure), f.Figure.Role == FigureRole.Check ? "" : Number.Short(f.Figure.Sigma),
                Value(result.Before[i].Model, f.Figure), Value(f.Model, f.Figure), Number.F(f.Residual, 2), Role(f.Figure.Role),
                held is null ? "" : $"{Value(held.Predicted, f.Figure)} ({Number.F(held.Residual, 2)})", f.Figure.Source,
            ], f.Passes);
        })]);

    public static TableData Conflicts(CalibrationResult result) => new(
        "Fitted figures pulling against each other at the fit",
        ["figure", "against", "cosine of their pulls"],
        [.. result.Conflicts.Select(c => new TableRow([c.First.Label, c.Second.Label, Number.F(c.Cosine, 2)]))]);

    public static TableData HoldOuts(CalibrationResult result) => new(
        "Leave one out: each fitted figure predicted by a fit to the others",
        ["figure", "published", "in the joint fit", "predicted without it", "residual", "kind"],
        [.. result.HoldOuts.Select(h =>
        {
            var joint = result.Figures.First(f => f.Figure == h.Figure);
            var predicted = h.Residual is { } r && Math.Abs(r) <= 2;
            return new TableRow(
            [
                h.Figure.Label, Published(h.Figure), Value(joint.Model, h.Figure), Value(h.Predicted, h.Figure), Number.F(h.Residual, 2),
                predicted ? "predicted (within 2 sigma without it)" : "reproduced only (fitted)",
            ], predicted);
        })]);

    /// <summary>Cost, the figures outside two sigmas, and what physics allows below 192 m whatever the parameters.</summary>
    public static string Summary(CalibrationResult result)
    {
        var outside = result.Figures.Where(f => !f.Passes).Select(f => f.Figure.Label).ToList();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Weighted sum of squares {result.Cost:F2} over {result.Figures.Count(f => f.Figure.Role == FigureRole.Fitted)} fitted figures. ");
        text += outside.Count == 0 ? "Every figure within two sigmas." : $"Outside two sigmas or failed: {string.Join("; ", outside)}.";
        var at192 = result.Figures.FirstOrDefault(f => f.Figure.Id == "m2_rate_at_192_m")?.Model;
        if (at192 is { } v)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $" With the engine off from 192 m the impact would be {PublicFigures.EngineOffSpeed(v, 192):F1} m/s (from the model's {v:F1} m/s), " +
                $"{PublicFigures.EngineOffSpeed(42, 192):F1} m/s from the published 42: no thrust makes 52 m/s straight down.");
        }

        return text;
    }

    private static string Published(PublicFigure f) => f.Role switch
    {
        FigureRole.Check when f.AtLeast is { } low && f.AtMost is { } high => $"{Number.Short(low)} to {Number.Short(high)} {f.Unit}".Trim(),
        FigureRole.Check when f.AtLeast is { } low => $"> {Number.Short(low)} {f.Unit}".Trim(),
        FigureRole.Check when f.AtMost is { } high => $"< {Number.Short(high)} {f.Unit}".Trim(),
        _ => $"{Number.Short(f.Value)} {f.Unit}".Trim(),
    };

    private static string Value(double? model, PublicFigure f) =>
        model is { } m ? $"{Number.F(m, Math.Abs(f.Value) >= 1000 || f.Unit == "m" ? 0 : 2)} {f.Unit}".Trim() : "-";

    private static string Role(FigureRole role) => role switch
    {
        FigureRole.Fitted => "fitted",
        FigureRole.Check => "check",
        _ => "imposed (fault)",
    };
}
