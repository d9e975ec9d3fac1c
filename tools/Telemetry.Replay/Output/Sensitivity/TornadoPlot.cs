using ScottPlot;
using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Sensitivity;

/// <summary>
/// One figure's tornado: per parameter, a bar from the baseline to the figure at the low end of the parameter's range
/// and one to the figure at the high end, the widest swing at the top.
/// </summary>
internal static class TornadoPlot
{
    public static PlotImage Write(SensitivityResult result, SensitivityFigure figure, string directory)
    {
        var label = SensitivityFigures.Label(figure);
        var unit = SensitivityFigures.Unit(figure);
        var plot = PlotFiles.Create($"{result.Scenario.Name}: {label}, one parameter at a time", $"{Capitalised(label)} ({unit})", "");
        var tornado = result.Tornado(figure);
        var baseline = result.Baseline[(int)figure];
        if (tornado.Count > 0 && baseline is { } b)
        {
            var bars = new List<Bar>();
            var positions = new double[tornado.Count];
            var labels = new string[tornado.Count];
            for (var i = 0; i < tornado.Count; i++)
            {
                // The widest swing at the top: positions count down from the number of bars.
                var y = tornado.Count - 1 - i;
                var bar = tornado[i];
                bars.Add(new Bar { Position = y, ValueBase = b, Value = bar.AtLow, FillColor = Colors.SteelBlue, Size = 0.7 });
                bars.Add(new Bar { Position = y, ValueBase = b, Value = bar.AtHigh, FillColor = Colors.DarkOrange, Size = 0.7 });
                positions[i] = y;
                labels[i] = $"{bar.Parameter.Label} {Number.Short(bar.Parameter.Low)}..{Number.Short(bar.Parameter.High)} {bar.Parameter.Unit}".TrimEnd();
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plot.Axes.Left.SetTicks(positions, labels);
            var line = plot.Add.VerticalLine(b, 2, Colors.Black, LinePattern.Solid);
            line.LegendText = $"baseline {Number.F(b, 2)} {unit}";
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "parameter at the low end", FillColor = Colors.SteelBlue });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "parameter at the high end", FillColor = Colors.DarkOrange });
            plot.ShowLegend(Alignment.LowerRight);
        }

        return PlotFiles.Save(plot, directory, FileName(figure), $"Tornado: {label}");
    }

    public static string FileName(SensitivityFigure figure) => "tornado-" + SensitivityFigures.Id(figure).Replace('_', '-');

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
