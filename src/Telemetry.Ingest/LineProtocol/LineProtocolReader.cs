using System.Globalization;
using System.Text;
using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.LineProtocol;

/// <summary>
/// Reads one line of InfluxDB line protocol back into its parts, undoing the escapes the encoder applies (names:
/// <c>\,</c> <c>\=</c> <c>\ </c>; string fields: <c>\"</c> <c>\\</c>). Used to re-ingest dead letters and by the
/// tests as a reader independent of the encoder. Not a hot path.
/// </summary>
public static class LineProtocolReader
{
    private const string NameEscapes = ",= ";

    /// <summary>
    /// Parses <paramref name="line"/> (a trailing newline is allowed); false with <paramref name="error"/> when it is
    /// not well-formed line protocol. Tags come in line order, fields typed as the line writes them.
    /// </summary>
    public static bool TryParse(string line, out ParsedLine parsed, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        parsed = default;
        error = null;
        var text = line.EndsWith('\n') ? line : line + "\n";
        try
        {
            var i = 0;
            var measurement = ReadName(text, ref i, ", ", ", ");
            var tags = new List<Tag>();
            while (text[i] == ',')
            {
                i++;
                var key = ReadName(text, ref i, "=", NameEscapes);
                Expect(text, ref i, '=');
                tags.Add(new Tag { Key = key, Value = ReadName(text, ref i, ", ", NameEscapes) });
            }
            Expect(text, ref i, ' ');
            var fields = new List<Field>();
            do
            {
                var key = ReadName(text, ref i, "=", NameEscapes);
                Expect(text, ref i, '=');
                fields.Add(ReadValue(text, ref i, key));
            }
            while (text[i] == ',' && ++i > 0);
            Expect(text, ref i, ' ');
            var timestamp = long.Parse(text.AsSpan(i, text.Length - 1 - i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            parsed = new ParsedLine(measurement, tags, fields, timestamp);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            error = $"not line protocol: {e.Message}";
            return false;
        }
    }

    /// <summary>Parses <paramref name="line"/> or throws <see cref="FormatException"/> with the reason.</summary>
    public static ParsedLine Parse(string line) =>
        TryParse(line, out var parsed, out var error) ? parsed : throw new FormatException(error);

    private static string ReadName(string line, ref int i, string stops, string escapes)
    {
        var text = new StringBuilder();
        while (!stops.Contains(line[i], StringComparison.Ordinal))
        {
            if (line[i] == '\n')
            {
                throw new FormatException($"line ends inside a name at {i}");
            }
            var escape = line[i] == '\\' && escapes.Contains(line[i + 1], StringComparison.Ordinal);
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
                if (line[i] == '\n')
                {
                    throw new FormatException($"line ends inside the string value of {key}");
                }
                if (line[i] == '\\' && line[i + 1] is '\\' or '"')
                {
                    i++;
                }
                text.Append(line[i]);
            }
            i++;
            return new Field { Key = key, StringValue = text.ToString() };
        }
        var end = line.IndexOfAny([',', ' '], i);
        if (end < 0)
        {
            throw new FormatException($"no end to the value of {key}");
        }
        var token = line[i..end];
        i = end;
        return token switch
        {
            "true" or "t" or "T" or "True" or "TRUE" => new Field { Key = key, BoolValue = true },
            "false" or "f" or "F" or "False" or "FALSE" => new Field { Key = key, BoolValue = false },
            _ when token.EndsWith('i') => new Field { Key = key, IntValue = long.Parse(token[..^1], CultureInfo.InvariantCulture) },
            _ => new Field { Key = key, DoubleValue = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture) },
        };
    }

    private static void Expect(string line, ref int i, char c)
    {
        if (line[i] != c)
        {
            throw new FormatException($"expected '{c}' at {i}, found '{line[i]}'");
        }
        i++;
    }
}

/// <summary>One line of line protocol, read back.</summary>
/// <param name="Measurement">The measurement.</param>
/// <param name="Tags">The tags in line order (the encoder writes <c>source</c> among them).</param>
/// <param name="Fields">The typed fields.</param>
/// <param name="TimestampNs">The timestamp, ns since the Unix epoch.</param>
public readonly record struct ParsedLine(string Measurement, List<Tag> Tags, List<Field> Fields, long TimestampNs)
{
    /// <summary>The frame this line came from: the <c>source</c> tag becomes <see cref="Frame.Source"/>.</summary>
    public Frame ToFrame(ulong sequence)
    {
        var frame = new Frame { Measurement = Measurement, TimestampNs = TimestampNs, Sequence = sequence };
        foreach (var tag in Tags)
        {
            if (tag.Key == "source")
            {
                frame.Source = tag.Value;
            }
            else
            {
                frame.Tags.Add(tag);
            }
        }
        frame.Fields.AddRange(Fields);
        return frame;
    }
}
