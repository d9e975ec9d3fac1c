namespace Telemetry.Ingest.Pipeline;

/// <summary>A line InfluxDB refused (HTTP 400), with InfluxDB's own reason.</summary>
/// <param name="LineIndex">Zero-based index of the line within its <see cref="LineBatch"/>.</param>
/// <param name="Reason">InfluxDB's error message for the line.</param>
public readonly record struct LineDrop(int LineIndex, string Reason);
