using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output;

/// <summary>What a command wrote: its CSV, its plots (PNG and SVG each), the HTML report that bundles them, and a JSON outcome or null.</summary>
internal sealed record ReportFiles(string CsvPath, IReadOnlyList<PlotImage> Plots, string HtmlPath, string? JsonPath = null)
{
    public const string HtmlName = "report.html";

    public IEnumerable<string> Files =>
        [CsvPath, .. JsonPath is null ? [] : new[] { JsonPath }, .. Plots.SelectMany(p => new[] { p.PngPath, p.SvgPath }), HtmlPath];
}
