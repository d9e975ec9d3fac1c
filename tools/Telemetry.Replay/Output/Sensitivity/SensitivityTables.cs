using System.Globalization;
using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output.Sensitivity;

/// <summary>The analysis in tables: the parameters and their ranges, each figure's tornado, and the sample's spread.</summary>
internal static class SensitivityTables
{
    public static TableData Parameters(SensitivityResult result) => new(
        $"{result.Scenario.Name}: unpublished parameters and their plausible ranges",
        ["parameter", "in the scenario", "low", "high", "unit", "why this range"],
        [.. result.Parameters.Select(p => new TableRow(
            [p.Label, Number.Short(p.ValueIn(result.Scenario)), Number.Short(p.Low), Number.Short(p.High), p.Unit, p.Basis]))]);

    public static TableData Tornado(SensitivityResult result, SensitivityFigure figure) => new(
        $"{SensitivityFigures.Label(figure)} ({SensitivityFigures.Unit(figure)}), baseline {Number.F(result.Baseline[(int)figure], 2)}: one parameter at a time, widest swing first",
        ["parameter", "at low", "at high", "swing"],
        [.. result.Tornado(figure).Select(b => new TableRow(
            [b.Parameter.Label, Number.F(b.AtLow, 2), Number.F(b.AtHigh, 2), Number.F(b.Swing, 2)]))]);

    public static TableData Spread(SensitivityResult result)
    {
        var rows = new List<TableRow>();
        foreach (var figure in SensitivityFigures.All)
        {
            var s = result.Spread(figure);
            var correlations = result.RankCorrelations(figure);
            var strongest = result.Parameters.Count == 0 ? -1
                : Enumerable.Range(0, result.Parameters.Count).Where(j => !double.IsNaN(correlations[j]))
                    .DefaultIfEmpty(-1).MaxBy(j => j < 0 ? 0 : Math.Abs(correlations[j]));
            rows.Add(new TableRow(
            [
                $"{SensitivityFigures.Label(figure)} ({SensitivityFigures.Unit(figure)})",
                Number.F(result.Baseline[(int)figure], 2),
                s is null ? "-" : s.Runs.ToString(CultureInfo.InvariantCulture),
                Number.F(s?.P5, 2), Number.F(s?.Median, 2), Number.F(s?.P95, 2),
                strongest < 0 ? "-" : $"{result.Parameters[strongest].Label} ({Number.F(correlations[strongest], 2)})",
            ]));
        }

        return new TableData(
            $"{result.Scenario.Name}: all parameters together, {result.Sample.Count} Latin-hypercube runs",
            ["figure", "baseline", "runs with it", "5th percentile", "median", "95th percentile", "strongest rank correlation"],
            rows);
    }
}
