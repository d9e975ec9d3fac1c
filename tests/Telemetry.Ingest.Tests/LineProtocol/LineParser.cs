using System.Globalization;
using System.Text;
using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>
/// A test-side reader of one line of line protocol, independent of the encoder: reads back the measurement, the tags in
/// line order, the fields and the timestamp, undoing the escapes the reference documents.
/// </summary>
internal static class LineParser
{
    private const string NameEscapes = ",= ";

    public static (string Measurement, List<Tag> Tags, List<Field> Fields, long TimestampNs) Parse(string line)
    {
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        int i = 0;
        string measurement = ReadName(line, ref i, ", ", ", ");
        var tags = new List<Tag>();
        while (line[i] == ',')
        {
            i++;
            string key = ReadName(line, ref i, "=", NameEscapes);
            Expect(line, ref i, '=');
            tags.Add(new Tag { Key = key, Value = ReadName(line, ref i, ", ", NameEscapes) });
        }

        Expect(line, ref i, ' ');
        var fields = new List<Field>();
        do
        {
            string key = ReadName(line, ref i, "=", NameEscapes);
            Expect(line, ref i, '=');
            fields.Add(ReadValue(line, ref i, key));
        }
        while (line[i] == ',' && ++i > 0);

        Expect(line, ref i, ' ');
        long timestamp = long.Parse(line.AsSpan(i, line.Length - 1 - i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (measurement, tags, fields, timestamp);
    }

    /// <summary>A key as the reference escapes it, in UTF-8: what InfluxDB orders tags by.</summary>
    public static byte[] EscapedKeyBytes(string key) =>
        Encoding.UTF8.GetBytes(key.Replace(",", "\\,").Replace("=", "\\=").Replace(" ", "\\ "));

    private static string ReadName(string line, ref int i, string stops, string escapes)
    {
        var text = new StringBuilder();
        while (!stops.Contains(line[i], StringComparison.Ordinal))
        {
            Assert.NotEqual('\n', line[i]);
            bool escape = line[i] == '\\' && escapes.Contains(line[i + 1], StringComparison.Ordinal);
            text.Append(line[escape ? i + 1 : i]);
            i += escape ? 2 : 1;
        }

        return text.ToString();
    }

    private static Field ReadValue(string line, ref int i, string key)
    {
        if (line[i] == '"')
        {
            var text = new StringBuilder();
            for (i++; line[i] != '"'; i++)
            {
                Assert.NotEqual('\n', line[i]);
                if (line[i] == '\\' && line[i + 1] is '\\' or '"')
                {
                    i++;
                }

                text.Append(line[i]);
            }

            i++;
            return new Field { Key = key, StringValue = text.ToString() };
        }

        int end = line.IndexOfAny([',', ' '], i);
        string token = line[i..end];
        i = end;
        return token switch
        {
            "true" => new Field { Key = key, BoolValue = true },
            "false" => new Field { Key = key, BoolValue = false },
            _ when token.EndsWith('i') => new Field { Key = key, IntValue = long.Parse(token[..^1], CultureInfo.InvariantCulture) },
            _ => new Field { Key = key, DoubleValue = double.Parse(token, CultureInfo.InvariantCulture) },
        };
    }

    private static void Expect(string line, ref int i, char c)
    {
        Assert.Equal(c, line[i]);
        i++;
    }
}
