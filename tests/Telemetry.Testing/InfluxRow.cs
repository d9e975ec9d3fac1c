using System.Text.Json;

namespace Telemetry.Testing;

/// <summary>One row of an InfluxQL result: column values, plus the tags of its series (from <c>GROUP BY</c>).</summary>
public sealed class InfluxRow
{
    private InfluxRow(string measurement, IReadOnlyDictionary<string, JsonElement> values, IReadOnlyDictionary<string, string> tags)
    {
        Measurement = measurement;
        Values = values;
        Tags = tags;
    }

    /// <summary>The series name (the measurement).</summary>
    public string Measurement { get; }

    /// <summary>Column name to value; <c>time</c> is integer nanoseconds when queried with <c>epoch=ns</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; }

    /// <summary>The series' tags, present when the query groups by tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Parses the JSON body of <c>/query</c>; throws when a statement reports an error.</summary>
    public static IReadOnlyList<InfluxRow> Parse(string json, string query)
    {
        using var document = JsonDocument.Parse(json);
        var rows = new List<InfluxRow>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"InfluxDB reported an error for `{query}`: {error.GetString()}");
            }
            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }
            foreach (var s in series.EnumerateArray())
            {
                AddSeries(s, rows);
            }
        }
        return rows;
    }

    private static void AddSeries(JsonElement series, List<InfluxRow> rows)
    {
        var name = series.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var t))
        {
            foreach (var tag in t.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? string.Empty;
            }
        }
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        if (!series.TryGetProperty("values", out var values))
        {
            return;
        }
        foreach (var value in values.EnumerateArray())
        {
            var cells = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var i = 0;
            foreach (var cell in value.EnumerateArray())
            {
                cells[columns[i++]] = cell.Clone();
            }
            rows.Add(new InfluxRow(name, cells, tags));
        }
    }
}
