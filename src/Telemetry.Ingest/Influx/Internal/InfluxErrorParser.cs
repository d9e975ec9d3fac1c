using System.Globalization;
using System.Text.Json;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Reads InfluxDB's error bodies: the message, and how many lines it says it refused.</summary>
internal static class InfluxErrorParser
{
    private const string DroppedMarker = "dropped=";
    private const string ParseErrorMarker = "unable to parse '";
    private const string PartialWritePrefix = "partial write: ";

    /// <summary>
    /// The message of a 1.x (<c>{"error":…}</c>) or 2.x (<c>{"message":…}</c>) error body, with the per-line
    /// details of a 3.x partial write (<c>"data":[{"error_message":…}]</c>) appended; else the text.
    /// </summary>
    public static string Message(int statusCode, string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                foreach (var name in (ReadOnlySpan<string>)["error", "message"])
                {
                    if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return WithLineDetails(value.GetString()!, json.RootElement);
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the raw text is the best reason there is.
            }
        }
        return trimmed.Length > 0 ? trimmed : "HTTP " + statusCode.ToString(CultureInfo.InvariantCulture);
    }

    private static string WithLineDetails(string message, JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return message;
        }
        var details = data.EnumerateArray()
            .Where(static line => line.ValueKind == JsonValueKind.Object)
            .Select(static line => line.TryGetProperty("error_message", out var detail) ? detail.GetString() : null)
            .OfType<string>()
            .ToArray();
        return details.Length == 0 ? message : message + ": " + string.Join("; ", details);
    }

    /// <summary>
    /// Lines the message says were refused: N of a 1.x partial write's <c>dropped=N</c> (N &gt; 0), else the
    /// number of <c>unable to parse</c> clauses; null when it does not say.
    /// </summary>
    public static int? DroppedCount(string message)
    {
        var at = message.LastIndexOf(DroppedMarker, StringComparison.Ordinal);
        if (at >= 0 && int.TryParse(message.AsSpan(at + DroppedMarker.Length), NumberStyles.None,
                CultureInfo.InvariantCulture, out var dropped) && dropped > 0)
        {
            return dropped;
        }
        var clauses = ParseErrorClauses(message);
        return clauses.Length > 0 ? clauses.Length : null;
    }

    /// <summary>
    /// The clauses of a parse-error message, one per refused line in line order: InfluxDB 1.x writes
    /// <c>unable to parse '&lt;line&gt;': &lt;reason&gt;</c> per line, joined by '\n' (lines never hold one).
    /// Empty when the message is not made of such clauses.
    /// </summary>
    public static string[] ParseErrorClauses(string message)
    {
        var text = message.AsSpan();
        if (text.StartsWith(PartialWritePrefix, StringComparison.Ordinal))
        {
            text = text[PartialWritePrefix.Length..];
        }
        var dropped = text.LastIndexOf(" " + DroppedMarker, StringComparison.Ordinal);
        if (dropped >= 0)
        {
            text = text[..dropped];
        }
        var clauses = text.ToString().Split('\n');
        foreach (var clause in clauses)
        {
            if (!clause.StartsWith(ParseErrorMarker, StringComparison.Ordinal))
            {
                return [];
            }
        }
        return clauses;
    }
}
