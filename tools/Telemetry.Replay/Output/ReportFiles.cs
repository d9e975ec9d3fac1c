using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output;

/// <summary>
/// What a command wrote: its CSV, its plots (PNG and SVG each), the HTML report that bundles them, a JSON outcome or
/// null, and any further CSVs.
/// </summary>
internal sealed record ReportFiles(
    string CsvPath, IReadOnlyList<PlotImage> Plots, string HtmlPath, string? JsonPath = null, IReadOnlyList<string>? MoreCsvPaths = null)
{
    public const string HtmlName = "report.html";

    public IEnumerable<string> Files =>
        [CsvPath, .. MoreCsvPaths ?? [], .. JsonPath is null ? [] : new[] { JsonPath }, .. Plots.SelectMany(p => new[] { p.PngPath, p.SvgPath }), HtmlPath];
}
