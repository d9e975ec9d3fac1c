using System.Buffers;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// The characters that need care in each part of a line, as InfluxDB 1.x parses it (checked against influxd 1.6.7).
/// </summary>
internal static class LineSyntax
{
    /// <summary>Measurement: ',' and ' ' are escaped; backslash and newlines are checked.</summary>
    public static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \\\r\n");

    /// <summary>Tag keys, tag values and field keys: ',', '=' and ' ' are escaped; backslash and newlines are checked.</summary>
    public static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= \\\r\n");

    /// <summary>Quoted string field values: '"' and '\' are escaped; newlines are checked.</summary>
    public static readonly SearchValues<char> QuotedSpecials = SearchValues.Create("\"\\\r\n");

    /// <summary>
    /// Characters InfluxDB unescapes after a backslash somewhere in a measurement or key (its unescapers differ by
    /// part; this is their union). A literal backslash before one of them cannot be written unambiguously.
    /// </summary>
    public static readonly SearchValues<char> UnescapedAfterBackslash = SearchValues.Create(",= \"");

    /// <summary>InfluxDB skips these before a measurement and before the field set, so a name cannot start with them.</summary>
    public static bool IsSkippedLeadingChar(char c) => c is '\t' or '\0';

    /// <summary>Whether <paramref name="c"/> is written with a backslash in a measurement (or also '=' in keys).</summary>
    public static bool IsEscapedInName(char c, bool escapeEquals) => c is ',' or ' ' || (escapeEquals && c == '=');
}
