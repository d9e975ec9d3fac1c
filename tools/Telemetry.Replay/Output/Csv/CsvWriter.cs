using System.Globalization;
using Telemetry.Ingest.LineProtocol.Internal;

namespace Telemetry.Replay.Output.Csv;

/// <summary>
/// Writes RFC 4180 rows in the invariant culture: '.' decimals, shortest round-trip doubles (the ingest encoder's
/// formatter, so a CSV and the line protocol carry the same digits), true/false, and an empty cell for a missing value,
/// so that every file reads back the same on any machine.
/// </summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private bool _rowStarted;

    /// <summary>Opens <paramref name="path"/> for writing as UTF-8 without a byte-order mark.</summary>
    public static StreamWriter OpenFile(string path) =>
        new(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public CsvWriter Header(params ReadOnlySpan<string> columns)
    {
        foreach (var column in columns)
        {
            Cell(column);
        }

        return EndRow();
    }

    public CsvWriter Cell(double value)
    {
        Span<byte> ascii = stackalloc byte[DoubleFormat.MaxBytes];
        if (!DoubleFormat.TryFormat(value, ascii, out var written))
        {
            // NaN and the infinities, which the line protocol has no form for.
            return Raw(value.ToString(CultureInfo.InvariantCulture));
        }

        Span<char> text = stackalloc char[DoubleFormat.MaxBytes];
        for (var i = 0; i < written; i++)
        {
            text[i] = (char)ascii[i];
        }

        return Raw(text[..written]);
    }

    public CsvWriter Cell(double? value) => value is { } v ? Cell(v) : Raw(string.Empty);

    public CsvWriter Cell(int value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public CsvWriter Cell(bool value) => Raw(value ? "true" : "false");

    public CsvWriter Cell(string value) =>
        Raw(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);

    public CsvWriter EndRow()
    {
        writer.Write('\n');
        _rowStarted = false;
        return this;
    }

    private CsvWriter Raw(ReadOnlySpan<char> text)
    {
        if (_rowStarted)
        {
            writer.Write(',');
        }

        writer.Write(text);
        _rowStarted = true;
        return this;
    }
}
