using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Extreme numbers and timestamps written by the encoder read back from the real influxd unchanged.</summary>
[Collection(InfluxCollection.Name)]
public sealed class NumberStorageTests(InfluxFixture influx)
{
    public static TheoryData<long> DoubleBits => new()
    {
        BitConverter.DoubleToInt64Bits(double.MaxValue),
        BitConverter.DoubleToInt64Bits(double.MinValue),
        BitConverter.DoubleToInt64Bits(double.Epsilon),
        BitConverter.DoubleToInt64Bits(1e-300),
        BitConverter.DoubleToInt64Bits(0.1),
        BitConverter.DoubleToInt64Bits(1e17),
        BitConverter.DoubleToInt64Bits(-1.5e-5),
        0x0410000000000000L, // 2^-958: the framework's shortest text reads back as its neighbour
        0x3E60000000000000L, // 2^-25: likewise
        0x000FFFFFFFFFFFFFL, // the largest subnormal
    };

    [Theory]
    [MemberData(nameof(DoubleBits))]
    public async Task WriteLines_Double_ReadBackBitForBit(long bits)
    {
        double value = BitConverter.Int64BitsToDouble(bits);

        var row = await StoredFrames.WriteAndReadAsync(influx, Frames.WithFields(Frames.Double("d", value)));

        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(row.Values["d"].GetDouble()));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(-1L)]
    public async Task WriteLines_Integer_ReadBackExactly(long value)
    {
        var row = await StoredFrames.WriteAndReadAsync(influx, Frames.WithFields(Frames.Int("n", value)));

        Assert.Equal(value, row.Values["n"].GetInt64());
    }

    [Theory]
    [InlineData(long.MinValue + 2)]
    [InlineData(long.MaxValue - 1)]
    [InlineData(-1L)]
    [InlineData(1L)]
    public async Task WriteLines_Timestamp_StoredAtThatNanosecond(long timestampNs)
    {
        var frame = Frames.WithFields(Frames.Bool("ok", true), Frames.Bool("bad", false));
        frame.TimestampNs = timestampNs;

        var row = await StoredFrames.WriteAndReadAsync(influx, frame);

        Assert.Equal(timestampNs, row.Values["time"].GetInt64());
        Assert.True(row.Values["ok"].GetBoolean());
        Assert.False(row.Values["bad"].GetBoolean());
    }
}
