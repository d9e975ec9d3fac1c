using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output;

/// <summary>What a command wrote: its CSV, its plots (PNG and SVG each), and the HTML report that bundles them.</summary>
internal sealed record ReportFiles(string CsvPath, IReadOnlyList<PlotImage> Plots, string HtmlPath)
{
    public const string HtmlName = "report.html";

    public IEnumerable<string> Files => [CsvPath, .. Plots.SelectMany(p => new[] { p.PngPath, p.SvgPath }), HtmlPath];
}
