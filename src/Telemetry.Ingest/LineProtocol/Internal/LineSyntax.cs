using System.Buffers;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// The characters that need care in each part of a line, as InfluxDB 1.x parses it (checked against influxd 1.6.7),
/// both as vectorised search sets (long text) and as ASCII tables (short text).
/// </summary>
internal static class LineSyntax
{
    // Measurement: ',' and ' ' are escaped. Keys and tag values: also '='. Quoted strings: '"' and '\' are escaped.
    // Backslash and newlines are checked everywhere.
    private const string MeasurementChars = ", \\\r\n";
    private const string KeyChars = ",= \\\r\n";
    private const string QuotedChars = "\"\\\r\n";

    public static readonly SearchValues<byte> MeasurementSpecials = SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(MeasurementChars));
    public static readonly SearchValues<byte> KeySpecials = SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(KeyChars));
    public static readonly SearchValues<byte> QuotedSpecials = SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(QuotedChars));

    /// <summary>1 for each ASCII character written as it is, by character code.</summary>
    public static readonly byte[] MeasurementPlain = PlainAscii(MeasurementChars);
    public static readonly byte[] KeyPlain = PlainAscii(KeyChars);
    public static readonly byte[] QuotedPlain = PlainAscii(QuotedChars);

    /// <summary>
    /// Characters InfluxDB unescapes after a backslash somewhere in a measurement or key (its unescapers differ by
    /// part; this is their union). A literal backslash before one of them cannot be written unambiguously.
    /// </summary>
    public static readonly SearchValues<byte> UnescapedAfterBackslash = SearchValues.Create(",= \""u8);

    /// <summary>InfluxDB skips these before a measurement and before the field set, so a name cannot start with them.</summary>
    public static bool IsSkippedLeadingChar(byte c) => c is (byte)'\t' or 0;

    /// <summary>Whether <paramref name="c"/> is written with a backslash in a measurement (or also '=' in keys).</summary>
    public static bool IsEscapedInName(byte c, bool escapeEquals) => c is (byte)',' or (byte)' ' || (escapeEquals && c == '=');

    private static byte[] PlainAscii(string specials)
    {
        var table = new byte[128];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = specials.Contains((char)c, StringComparison.Ordinal) ? (byte)0 : (byte)1;
        }

        return table;
    }
}
