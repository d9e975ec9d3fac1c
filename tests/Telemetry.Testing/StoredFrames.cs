using System.Globalization;
using System.Text.Json;
using Telemetry.Contracts.V1;
using Xunit;

namespace Telemetry.Testing;

/// <summary>
/// Compares what InfluxDB holds with the frames that were sent, point by point: by (measurement, tags with
/// <c>source</c>, time) and every field's value. A count cannot see a duplicate, a swap or a wrong value (InfluxDB
/// overwrites identical points); this can.
/// </summary>
public static class StoredFrames
{
    /// <summary>
    /// Asserts that every frame of <paramref name="expected"/> is stored with exactly its field values (the last
    /// frame wins where several share a key, as in InfluxDB), and, when <paramref name="nothingElse"/>, that the
    /// frames' measurements hold no other point.
    /// </summary>
    public static async Task AssertStoredAsync(
        Func<string, Task<IReadOnlyList<InfluxRow>>> query, IEnumerable<Frame> expected, bool nothingElse = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var frame in expected)
        {
            var key = Key(frame.Measurement, frame.Tags.Select(t => (t.Key, t.Value)).Append(("source", frame.Source)), frame.TimestampNs);
            if (!wanted.TryGetValue(key, out var fields))
            {
                wanted[key] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            foreach (var field in frame.Fields)
            {
                fields[field.Key] = Text(field);
            }
        }
        var stored = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var measurement in wanted.Keys.Select(k => k[..k.IndexOf('|', StringComparison.Ordinal)]).Distinct())
        {
            foreach (var row in await query($"SELECT * FROM \"{measurement.Replace("\"", "\\\"", StringComparison.Ordinal)}\" GROUP BY *"))
            {
                var time = row.Values["time"].GetInt64();
                var key = Key(measurement, row.Tags.Select(t => (t.Key, t.Value)), time);
                stored[key] = row.Values.Where(v => v.Key != "time" && v.Value.ValueKind != JsonValueKind.Null)
                    .ToDictionary(v => v.Key, v => Text(v.Value), StringComparer.Ordinal);
            }
        }
        var missing = wanted.Keys.Where(k => !stored.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {wanted.Count} frames not stored; first: {string.Join("; ", missing.Take(3))}");
        foreach (var (key, fields) in wanted)
        {
            Assert.True(Same(fields, stored[key]), $"point {key} holds {Show(stored[key])}, sent {Show(fields)}");
        }
        if (nothingElse)
        {
            var extra = stored.Keys.Where(k => !wanted.ContainsKey(k)).ToList();
            Assert.True(extra.Count == 0, $"{extra.Count} points stored that were not sent; first: {string.Join("; ", extra.Take(3))}");
        }
    }

    private static string Key(string measurement, IEnumerable<(string Key, string Value)> tags, long timeNs) =>
        measurement + "|" + string.Join(",", tags.Where(t => t.Value.Length > 0).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value))
        + "|" + timeNs.ToString(CultureInfo.InvariantCulture);

    private static string Text(Field field) => field.ValueCase switch
    {
        Field.ValueOneofCase.DoubleValue => field.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        Field.ValueOneofCase.IntValue => field.IntValue.ToString(CultureInfo.InvariantCulture),
        Field.ValueOneofCase.BoolValue => field.BoolValue ? "true" : "false",
        Field.ValueOneofCase.StringValue => "\"" + field.StringValue + "\"",
        _ => field.ValueCase.ToString(),
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => "\"" + value.GetString() + "\"",
        _ => value.ToString(),
    };

    // Integers and doubles both come back as JSON numbers: compare them as doubles.
    private static bool Same(Dictionary<string, string> sent, Dictionary<string, string> stored) =>
        sent.Count == stored.Count && sent.All(f => stored.TryGetValue(f.Key, out var v) && Normal(v) == Normal(f.Value));

    private static string Normal(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : text;

    private static string Show(Dictionary<string, string> fields) => string.Join(", ", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
}
