using System.Text;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>
/// The tests' view of <see cref="LineProtocolReader"/> (a reader independent of the encoder): one line, newline
/// terminated, read back into measurement, tags in line order, fields and timestamp.
/// </summary>
internal static class LineParser
{
    public static (string Measurement, List<Tag> Tags, List<Field> Fields, long TimestampNs) Parse(string line)
    {
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Equal(line.Length - 1, line.IndexOf('\n', StringComparison.Ordinal));
        var parsed = LineProtocolReader.Parse(line);
        return (parsed.Measurement, parsed.Tags, parsed.Fields, parsed.TimestampNs);
    }

    /// <summary>A key as the reference escapes it, in UTF-8: what InfluxDB orders tags by.</summary>
    public static byte[] EscapedKeyBytes(string key) =>
        Encoding.UTF8.GetBytes(key.Replace(",", "\\,").Replace("=", "\\=").Replace(" ", "\\ "));
}
