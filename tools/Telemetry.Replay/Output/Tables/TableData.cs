namespace Telemetry.Replay.Output.Tables;

/// <summary>A table as display text, rendered both to the console and into HTML reports.</summary>
internal sealed record TableData(string Title, IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows);

/// <summary>One row of display text; <see cref="Verdict"/> colours it (true good, false bad, null plain).</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, bool? Verdict = null);
