using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

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

        return Build(reference.Name, reference.Figures.Select(f => Row(f.Name, f.Value, f.Unit, f.Tolerance, f.Source, result.Measure(f))));
    }

    /// <summary>The table of either replay's figures, one <see cref="Row"/> each.</summary>
    public static TableData Build(string reference, IEnumerable<TableRow> rows) =>
        new("Public figures: " + reference, ["figure", "published", "model", "tolerance", "within?", "source"], [.. rows]);

    /// <summary>The model is within tolerance of the figure; false when the run never reached the figure.</summary>
    public static bool IsWithin(ReferenceFigure figure, double? model) => IsWithin(figure.Value, figure.Tolerance, model);

    /// <summary>The model is within tolerance of a published value; false when the run never reached it.</summary>
    public static bool IsWithin(double value, double tolerance, double? model) => model is { } m && Math.Abs(m - value) <= tolerance;

    /// <summary>One figure of either replay: published value, model, tolerance, verdict, source.</summary>
    public static TableRow Row(string name, double value, string unit, double tolerance, string source, double? model)
    {
        var within = IsWithin(value, tolerance, model);
        return new TableRow(
        [
            name,
            $"{Number.F(value)} {unit}",
            model is { } m ? $"{Number.F(m)} {unit}" : "not reached",
            $"± {Number.F(tolerance)} {unit}",
            within ? "yes" : "no",
            source,
        ], within);
    }
}
