namespace Telemetry.Replay.Output.Plots;

/// <summary>A plot written as PNG and SVG; the SVG text is kept so a report can embed it inline.</summary>
internal sealed record PlotImage(string Name, string Title, string PngPath, string SvgPath, string Svg);
