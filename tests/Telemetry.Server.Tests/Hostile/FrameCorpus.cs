using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>
/// Hostile frames, each written beside a valid control frame in one batch: the hostile one is rejected with its
/// code and a reason, or stored exactly as sent; the control frame is always stored; nothing else reaches InfluxDB.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class FrameCorpus(CorpusServer corpus)
{
    public static TheoryData<string> Names() => [.. FrameCases.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Write_HostileFrame_RejectedWithItsCodeOrStoredExactly(string name)
    {
        var (mutate, expected) = FrameCases.All[name];
        var hostile = Frames.Sample($"corpus/{name}", 1, "hostile");
        hostile.Tags.Add(new Tag { Key = CorpusServer.CaseTag, Value = name });
        mutate(hostile);
        // Each case its own control source: the server drops a repeated (source, sequence) as a duplicate.
        var control = Frames.Sample($"corpus/control/{name}", 2, "control");
        control.Tags.Add(new Tag { Key = CorpusServer.CaseTag, Value = name });

        var ack = await corpus.Server.Client.WriteAsync(new FrameBatch { BatchId = 1, Frames = { hostile, control } });

        var rows = await corpus.RowsOfCaseAsync(name);
        var controlRow = Assert.Single(rows, r => r.Measurement == "control");
        Assert.Equal(2L, controlRow.Values["step"].GetInt64());
        if (expected is { } rejection)
        {
            var actual = Assert.Single(ack.Rejections);
            Assert.Equal((0u, rejection.Code), (actual.Index, actual.Code));
            Assert.Contains(rejection.Reason, actual.Reason, StringComparison.Ordinal);
            Assert.Equal(1u, ack.WrittenCount);
            Assert.Single(rows);
        }
        else
        {
            Assert.Empty(ack.Rejections);
            Assert.Equal(2u, ack.WrittenCount);
            AssertStoredExactly(hostile, Assert.Single(rows, r => r.Measurement != "control"));
        }
        await corpus.AssertWellBehavedClientWritesAsync(name);
    }

    private static void AssertStoredExactly(Frame frame, InfluxRow row)
    {
        Assert.Equal(frame.Measurement, row.Measurement);
        Assert.Equal(frame.TimestampNs, row.Values["time"].GetInt64());
        Assert.Equal(frame.Source, row.Values["source"].GetString());
        foreach (var tag in frame.Tags)
        {
            Assert.Equal(tag.Value, row.Values[tag.Key].GetString());
        }
        foreach (var field in frame.Fields)
        {
            var value = row.Values[field.Key];
            switch (field.ValueCase)
            {
                case Field.ValueOneofCase.DoubleValue:
                    Assert.Equal(field.DoubleValue, value.GetDouble());
                    break;
                case Field.ValueOneofCase.IntValue:
                    Assert.Equal(field.IntValue, value.GetInt64());
                    break;
                case Field.ValueOneofCase.BoolValue:
                    Assert.Equal(field.BoolValue, value.GetBoolean());
                    break;
                default:
                    Assert.Equal(field.StringValue, value.GetString());
                    break;
            }
        }
    }
}

/// <summary>The frame cases: a mutation of a valid frame and its expected rejection (null: stored exactly).</summary>
internal static class FrameCases
{
    public sealed record Rejection(RejectionCode Code, string Reason);

    private static readonly string LongText = new('x', 70_000);

    public static readonly IReadOnlyDictionary<string, (Action<Frame> Mutate, Rejection? Expected)> All =
        new Dictionary<string, (Action<Frame>, Rejection?)>
        {
            // Missing values.
            ["measurement_empty"] = (f => f.Measurement = "", new(RejectionCode.Missing, "measurement")),
            ["source_empty"] = (f => f.Source = "", new(RejectionCode.Missing, "source")),
            ["timestamp_zero"] = (f => f.TimestampNs = 0, new(RejectionCode.Missing, "timestamp")),
            ["no_fields"] = (f => f.Fields.Clear(), new(RejectionCode.Missing, "field")),
            ["field_without_value"] = (f => f.Fields.Add(new Field { Key = "unset" }), new(RejectionCode.Missing, "field \"unset\" has no value set")),
            ["tag_value_empty"] = (f => f.Tags.Add(new Tag { Key = "axis", Value = "" }), new(RejectionCode.Missing, "tag \"axis\" has an empty value")),
            ["tag_key_empty"] = (f => f.Tags.Add(new Tag { Key = "", Value = "x" }), new(RejectionCode.Missing, "has an empty key")),
            ["field_key_empty"] = (f => f.Fields.Add(new Field { Key = "", IntValue = 1 }), new(RejectionCode.Missing, "has an empty key")),
            // Newlines: the line-protocol injection that would start a second point.
            ["measurement_lf"] = (f => f.Measurement = "m\nevil,source=x v=1 1", new(RejectionCode.Newline, "measurement")),
            ["measurement_cr"] = (f => f.Measurement = "m\revil", new(RejectionCode.Newline, "measurement")),
            ["source_lf"] = (f => f.Source = "s\nevil v=1", new(RejectionCode.Newline, "source")),
            ["tag_key_lf"] = (f => f.Tags.Add(new Tag { Key = "k\nx", Value = "v" }), new(RejectionCode.Newline, "tag key")),
            ["tag_value_lf"] = (f => f.Tags.Add(new Tag { Key = "k", Value = "v\nevil v=1 1" }), new(RejectionCode.Newline, "value of tag \"k\"")),
            ["field_key_lf"] = (f => f.Fields.Add(new Field { Key = "f\n", IntValue = 1 }), new(RejectionCode.Newline, "field key")),
            ["string_value_lf"] = (f => f.Fields[3].StringValue = "a\nevil v=1 1", new(RejectionCode.Newline, "string value of field \"phase\"")),
            ["string_value_crlf"] = (f => f.Fields[3].StringValue = "a\r\n", new(RejectionCode.Newline, "string value of field \"phase\"")),
            ["string_value_cr_only"] = (f => f.Fields[3].StringValue = "\r", new(RejectionCode.Newline, "string value")),
            // Reserved and duplicate keys.
            ["tag_key_time"] = (f => f.Tags.Add(new Tag { Key = "time", Value = "x" }), new(RejectionCode.ReservedKey, "\"time\" is reserved by InfluxDB")),
            ["tag_key_field"] = (f => f.Tags.Add(new Tag { Key = "_field", Value = "x" }), new(RejectionCode.ReservedKey, "\"_field\"")),
            ["tag_key_measurement"] = (f => f.Tags.Add(new Tag { Key = "_measurement", Value = "x" }), new(RejectionCode.ReservedKey, "\"_measurement\"")),
            ["tag_key_source"] = (f => f.Tags.Add(new Tag { Key = "source", Value = "spoofed" }), new(RejectionCode.ReservedKey, "the server writes the frame's source")),
            ["field_key_time"] = (f => f.Fields.Add(new Field { Key = "time", IntValue = 1 }), new(RejectionCode.ReservedKey, "\"time\"")),
            ["field_key_measurement"] = (f => f.Fields.Add(new Field { Key = "_measurement", IntValue = 1 }), new(RejectionCode.ReservedKey, "\"_measurement\"")),
            ["tag_key_twice"] = (f => f.Tags.Add(new Tag { Key = "vehicle", Value = "other" }), new(RejectionCode.DuplicateKey, "\"vehicle\" appears more than once")),
            ["field_key_twice"] = (f => f.Fields.Add(new Field { Key = "step", IntValue = 9 }), new(RejectionCode.DuplicateKey, "\"step\" appears more than once")),
            ["field_key_is_tag_key"] = (f => f.Fields.Add(new Field { Key = "vehicle", IntValue = 9 }), new(RejectionCode.DuplicateKey, "is also a tag key")),
            ["field_key_source"] = (f => f.Fields.Add(new Field { Key = "source", StringValue = "x" }), new(RejectionCode.DuplicateKey, "\"source\"")),
            // Numbers InfluxDB cannot store.
            ["double_nan"] = (f => f.Fields[0].DoubleValue = double.NaN, new(RejectionCode.NonFinite, "\"altitude_m\" is NaN")),
            ["double_positive_infinity"] = (f => f.Fields[0].DoubleValue = double.PositiveInfinity, new(RejectionCode.NonFinite, "altitude_m")),
            ["double_negative_infinity"] = (f => f.Fields[0].DoubleValue = double.NegativeInfinity, new(RejectionCode.NonFinite, "altitude_m")),
            // Sizes.
            ["string_value_70k"] = (f => f.Fields[3].StringValue = LongText, new(RejectionCode.TooLarge, "65536-byte limit")),
            ["tag_value_70k"] = (f => f.Tags.Add(new Tag { Key = "big", Value = LongText }), new(RejectionCode.TooLarge, "")),
            ["measurement_70k"] = (f => f.Measurement = LongText, new(RejectionCode.TooLarge, "")),
            // What InfluxDB would alter or drop silently. (Lone surrogates cannot arrive: protobuf strings are UTF-8 on
            // the wire, so invalid text arrives as invalid UTF-8, which WireCorpus covers.)
            ["measurement_comment"] = (f => f.Measurement = "#comment", new(RejectionCode.Invalid, "starts with '#'")),
            ["measurement_leading_tab"] = (f => f.Measurement = "\tm", new(RejectionCode.Invalid, "starts with a tab or NUL")),
            ["measurement_leading_nul"] = (f => f.Measurement = "\0m", new(RejectionCode.Invalid, "starts with a tab or NUL")),
            ["measurement_trailing_backslash"] = (f => f.Measurement = "m\\", new(RejectionCode.Invalid, "backslash")),
            ["measurement_backslash_comma"] = (f => f.Measurement = "m\\,x", new(RejectionCode.Invalid, "backslash")),
            ["tag_value_trailing_backslash"] = (f => f.Tags.Add(new Tag { Key = "k", Value = "v\\" }), new(RejectionCode.Invalid, "backslash")),
            ["tag_value_backslash_equals"] = (f => f.Tags.Add(new Tag { Key = "k", Value = "a\\=b" }), new(RejectionCode.Invalid, "backslash")),
            ["tag_key_backslash_space"] = (f => f.Tags.Add(new Tag { Key = "a\\ b", Value = "v" }), new(RejectionCode.Invalid, "backslash")),
            ["field_key_backslash_quote"] = (f => f.Fields.Add(new Field { Key = "a\\\"b", IntValue = 1 }), new(RejectionCode.Invalid, "backslash")),
            ["source_trailing_backslash"] = (f => f.Source = "corpus\\", new(RejectionCode.Invalid, "backslash")),
            ["timestamp_max"] = (f => f.TimestampNs = long.MaxValue, new(RejectionCode.Invalid, "outside InfluxDB's range")),
            ["timestamp_min"] = (f => f.TimestampNs = long.MinValue, new(RejectionCode.Invalid, "outside InfluxDB's range")),
            // Stored exactly as sent.
            ["measurement_comma_space"] = (f => f.Measurement = "m, with space", null),
            ["measurement_equals_quote"] = (f => f.Measurement = "m=\"q\"", null),
            ["measurement_unicode"] = (f => f.Measurement = "спуск_高度_🚀", null),
            ["source_with_separators"] = (f => f.Source = "corpus/a b,c=d", null),
            ["tag_value_separators"] = (f => f.Tags.Add(new Tag { Key = "k", Value = "a=b,c d" }), null),
            ["tag_key_spaces"] = (f => f.Tags.Add(new Tag { Key = "key with spaces", Value = "v" }), null),
            ["tag_value_quotes"] = (f => f.Tags.Add(new Tag { Key = "k", Value = "\"quoted\" 'single'" }), null),
            ["field_key_equals_comma"] = (f => f.Fields.Add(new Field { Key = "f=1,g 2", IntValue = 3 }), null),
            ["string_value_quotes_backslashes"] = (f => f.Fields[3].StringValue = "say \"hi\" \\ path\\to\\x \\\\", null),
            ["string_value_line_protocol_injection"] = (f => f.Fields[3].StringValue = "x\",evil=1i,other=\"y", null),
            ["string_value_sql_injection"] = (f => f.Fields[3].StringValue = "'; DROP DATABASE corpus; --", null),
            ["string_value_influxql_injection"] = (f => f.Fields[3].StringValue = "\" ; DROP MEASUREMENT good", null),
            ["string_value_control_chars"] = (f => f.Fields[3].StringValue = "\t\u0001\u0007\u001b[31m", null),
            ["string_value_emoji_and_rtl"] = (f => f.Fields[3].StringValue = "🚀 \u202Eevil\u202C ✓", null),
            ["string_value_empty"] = (f => f.Fields[3].StringValue = "", null),
            ["string_value_60k"] = (f => f.Fields[3].StringValue = new string('y', 60_000), null),
            ["tag_value_nul_inside"] = (f => f.Tags.Add(new Tag { Key = "k", Value = "a\0b" }), null),
            ["measurement_tab_inside"] = (f => f.Measurement = "m\tx", null),
            ["field_key_unicode"] = (f => f.Fields.Add(new Field { Key = "высота_m", DoubleValue = 1.5 }), null),
            ["field_keys_like_keywords"] = (f => f.Fields.Add(new Field { Key = "SELECT", IntValue = 1 }), null),
            ["int_extremes"] = (f => { f.Fields[1].IntValue = long.MaxValue; f.Fields.Add(new Field { Key = "min", IntValue = long.MinValue }); }, null),
            ["double_extremes"] = (f => { f.Fields[0].DoubleValue = double.MaxValue; f.Fields.Add(new Field { Key = "tiny", DoubleValue = double.Epsilon }); }, null),
            ["double_negative_zero"] = (f => f.Fields[0].DoubleValue = -0.0, null),
            ["double_full_precision"] = (f => f.Fields[0].DoubleValue = 0.1 + 0.2, null),
            ["timestamp_negative"] = (f => f.TimestampNs = -86_400_000_000_000, null),
            ["timestamp_one_ns"] = (f => f.TimestampNs = 1, null),
            ["timestamp_near_max"] = (f => f.TimestampNs = long.MaxValue - 1, null),
            ["many_fields"] = (f => { for (var i = 0; i < 500; i++) { f.Fields.Add(new Field { Key = $"f{i:D3}", IntValue = i }); } }, null),
            ["many_tags"] = (f => { for (var i = 0; i < 100; i++) { f.Tags.Add(new Tag { Key = $"t{i:D3}", Value = $"v{i}" }); } }, null),
            ["sequence_max"] = (f => f.Sequence = ulong.MaxValue, null),
        };
}
