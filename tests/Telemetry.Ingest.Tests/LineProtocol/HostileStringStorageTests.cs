using System.Text;
using System.Text.Json;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>
/// InfluxDB's side of the hostile-string table: every string the encoder accepts, in every part of a frame, is
/// written to the real influxd and read back through InfluxQL exactly as sent.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class HostileStringStorageTests(InfluxFixture influx)
{
    [Theory]
    [MemberData(nameof(HostileStrings.Cases), MemberType = typeof(HostileStrings))]
    public async Task WriteLines_HostileString_StoredExactlyOrRejectedByEncoder(string name, FramePart part)
    {
        var (text, expected) = HostileStrings.Find(name, part);
        var frame = HostileStrings.FrameWith(part, text);
        if (expected is not null)
        {
            Assert.Equal(expected, Encode.Rejection(frame).Code);
            return;
        }

        var row = await StoredFrames.WriteAndReadAsync(influx, frame);
        Assert.Equal(Frames.Timestamp, row.Values["time"].GetInt64());
        switch (part)
        {
            case FramePart.Measurement:
                Assert.Equal(text, row.Measurement);
                break;
            case FramePart.TagKey:
                Assert.Equal(new Dictionary<string, string> { [text] = "v", ["source"] = "s" }, row.Tags);
                break;
            case FramePart.TagValue:
                Assert.Equal(new Dictionary<string, string> { ["k"] = text, ["source"] = "s" }, row.Tags);
                break;
            case FramePart.FieldKey:
                Assert.Equal(2, row.Values.Count);
                Assert.True(row.Values.TryGetValue(text, out JsonElement value), "field key not stored as sent");
                Assert.Equal(7, value.GetInt64());
                break;
            default:
                Assert.Equal(JsonValueKind.String, row.Values["str"].ValueKind);
                Assert.Equal(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(row.Values["str"].GetString()!));
                break;
        }
    }
}
