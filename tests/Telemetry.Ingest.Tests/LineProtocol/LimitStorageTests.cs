using System.Text.Json;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>The size limits the encoder enforces sit exactly where influxd's are.</summary>
[Collection(InfluxCollection.Name)]
public sealed class LimitStorageTests(InfluxFixture influx)
{
    private static readonly FrameEncoder LargeLines = new(new FrameEncoderOptions { MaxLineBytes = 1 << 20 });

    [Fact]
    public async Task WriteLines_SeriesAndFieldKeyAtInfluxLimit_StoredAndOneMoreRejected()
    {
        // "m,source=s" (10 bytes) + 4 + field key = 65535: the largest key influxd 1.6.7 accepts.
        string key = new('f', 65_535 - 10 - 4);
        var frame = Frames.WithFields(Frames.Int(key, 5));

        var row = await StoredFrames.WriteAndReadAsync(influx, frame, LargeLines);
        var rejection = Encode.Rejection(Frames.WithFields(Frames.Int(key + "f", 5)), LargeLines);

        Assert.Equal(5, row.Values[key].GetInt64());
        Assert.Equal(RejectionCode.TooLarge, rejection.Code);
    }

    [Fact]
    public async Task WriteLines_LongStringValue_StoredExactly()
    {
        string value = string.Concat(Enumerable.Repeat("line \"protocol\" \\ é ", 15_000));

        var row = await StoredFrames.WriteAndReadAsync(influx, Frames.WithFields(Frames.String("s", value)), LargeLines);

        Assert.Equal(JsonValueKind.String, row.Values["s"].ValueKind);
        Assert.Equal(value, row.Values["s"].GetString());
    }
}
