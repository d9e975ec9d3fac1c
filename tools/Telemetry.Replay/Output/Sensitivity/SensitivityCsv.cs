using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Replay.Output.Csv;

namespace Telemetry.Replay.Output.Sensitivity;

/// <summary>
/// <c>one-at-a-time.csv</c>: the baseline and each parameter at each end of its range; <c>latin-hypercube.csv</c>: every
/// sampled run with every parameter's value. Both carry every figure, an empty cell where a run has none.
/// </summary>
internal static class SensitivityCsv
{
    public const string OneAtATimeName = "one-at-a-time.csv";
    public const string LatinHypercubeName = "latin-hypercube.csv";

    public static void WriteOneAtATime(string path, SensitivityResult result)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(["parameter", "end", "value", .. SensitivityFigures.All.Select(SensitivityFigures.Id)]);
        Figures(csv.Cell("baseline").Cell("").Cell((double?)null), result.Baseline);
        foreach (var run in result.OneAtATime)
        {
            Figures(csv.Cell(run.Parameter.Name).Cell("low").Cell(run.Parameter.Low), run.AtLow);
            Figures(csv.Cell(run.Parameter.Name).Cell("high").Cell(run.Parameter.High), run.AtHigh);
        }
    }

    public static void WriteLatinHypercube(string path, SensitivityResult result)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(["run", .. result.Parameters.Select(p => p.Name), .. SensitivityFigures.All.Select(SensitivityFigures.Id)]);
        for (var k = 0; k < result.Sample.Count; k++)
        {
            var run = result.Sample[k];
            csv.Cell(k);
            foreach (var value in run.Values)
            {
                csv.Cell(value);
            }

            Figures(csv, run.Figures);
        }
    }

    private static void Figures(CsvWriter csv, IReadOnlyList<double?> figures)
    {
        foreach (var value in figures)
        {
            csv.Cell(value);
        }

        csv.EndRow();
    }
}
