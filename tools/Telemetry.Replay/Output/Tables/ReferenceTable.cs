using Telemetry.Guidance;

namespace Telemetry.Replay.Output.Tables;

/// <summary>The scenario's public figures beside the model's values, and whether each is within its tolerance.</summary>
internal static class ReferenceTable
{
    public static TableData? Build(DescentResult result)
    {
        var reference = result.Scenario.Reference;
        if (reference is null || reference.Figures.Count == 0)
        {
            return null;
        }

        return new TableData(
            "Public figures: " + reference.Name,
            ["figure", "published", "model", "tolerance", "within?", "source"],
            [.. reference.Figures.Select(f => Row(f, result.Measure(f)))]);
    }

    /// <summary>The model is within tolerance of the figure; false when the run never reached the figure.</summary>
    public static bool IsWithin(ReferenceFigure figure, double? model) =>
        model is { } m && Math.Abs(m - figure.Value) <= figure.Tolerance;

    private static TableRow Row(ReferenceFigure figure, double? model)
    {
        var within = IsWithin(figure, model);
        return new TableRow(
        [
            figure.Name,
            $"{Number.F(figure.Value)} {figure.Unit}",
            model is { } m ? $"{Number.F(m)} {figure.Unit}" : "not reached",
            $"± {Number.F(figure.Tolerance)} {figure.Unit}",
            within ? "yes" : "no",
            figure.Source,
        ], within);
    }
}
