using ScottPlot;

namespace Telemetry.Replay.Output.Plots;

/// <summary>Writes plots as <c>&lt;name&gt;.png</c> and <c>&lt;name&gt;.svg</c> at one size for every report.</summary>
internal static class PlotFiles
{
    public const int Width = 1000;
    public const int Height = 420;

    public static PlotImage Save(Plot plot, string directory, string name, string title)
    {
        var png = Path.Combine(directory, name + ".png");
        var svg = Path.Combine(directory, name + ".svg");
        plot.SavePng(png, Width, Height);
        // Skia's SVG backend cannot express dash patterns: it prints a warning per segment to the console and draws
        // them solid anyway. The SVG is drawn solid on purpose instead; colours and legends still tell lines apart.
        foreach (var line in plot.GetPlottables().OfType<IHasLine>())
        {
            line.LineStyle.Pattern = LinePattern.Solid;
        }

        var svgText = plot.GetSvgXml(Width, Height);
        File.WriteAllText(svg, svgText);
        return new PlotImage(name, title, png, svg, svgText);
    }

    /// <summary>A plot with the shared look: title, axis labels with units, legend in a corner.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Y axis from zero to a little above the largest value, so that levels read as fractions of the whole.</summary>
    public static void FromZero(Plot plot, double[] values) =>
        plot.Axes.SetLimitsY(0, (values.Length > 0 && values.Max() > 0 ? values.Max() : 1) * 1.1);

    /// <summary>One quantity of every sample, for a plot axis.</summary>
    public static double[] Column<T>(IReadOnlyList<T> samples, Func<T, double> select)
    {
        var values = new double[samples.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = select(samples[i]);
        }

        return values;
    }

    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string legend, Color color)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LegendText = legend;
        line.LineWidth = 2;
        return line;
    }
}
