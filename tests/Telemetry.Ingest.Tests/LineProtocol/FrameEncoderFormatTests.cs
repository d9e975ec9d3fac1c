namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Line layout, tag order and value formats.</summary>
public sealed class FrameEncoderFormatTests
{
    [Fact]
    public void TryEncode_TypicalFrame_WritesOneLine()
    {
        var frame = Frames.WithFields(
            Frames.Double("alt_m", 1234.5), Frames.Int("count", -3), Frames.Bool("ok", true), Frames.Bool("bad", false),
            Frames.String("mode", "braking"));
        frame.Measurement = "gnc";
        frame.Source = "resilience/gnc";
        frame.Tags.Add(Frames.Tag("phase", "descent"));
        frame.Tags.Add(Frames.Tag("axis", "z"));

        Assert.Equal(
            "gnc,axis=z,phase=descent,source=resilience/gnc alt_m=1234.5,count=-3i,ok=true,bad=false,mode=\"braking\" "
            + $"{Frames.Timestamp}\n",
            Encode.Line(frame));
    }

    [Fact]
    public void TryEncode_Tags_SortedByKeyWithSourceMerged()
    {
        var frame = Frames.Valid();
        foreach (string key in new[] { "z", "t", "sp", "a", "source2", "S", "sou" })
        {
            frame.Tags.Add(Frames.Tag(key, key));
        }

        Assert.Equal(
            $"m,S=S,a=a,sou=sou,source=s,source2=source2,sp=sp,t=t,z=z f=1i {Frames.Timestamp}\n", Encode.Line(frame));
    }

    [Fact]
    public void TryEncode_EscapedKeys_SortedByEscapedBytes()
    {
        // InfluxDB compares escaped keys: "a\ b" (0x5C after 'a') sorts after "a!" (0x21), though ' ' < '!'.
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag("a b", "1"));
        frame.Tags.Add(Frames.Tag("a!", "2"));
        frame.Tags.Add(Frames.Tag("a", "3"));

        Assert.Equal($"m,a=3,a!=2,a\\ b=1,source=s f=1i {Frames.Timestamp}\n", Encode.Line(frame));
    }

    [Fact]
    public void TryEncode_NonAsciiKeys_SortedByUtf8Bytes()
    {
        // UTF-16 order would put U+FF5E before U+1F600 (a surrogate pair); UTF-8 byte order puts it after.
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag("\uff5e", "1"));
        frame.Tags.Add(Frames.Tag("😀", "2"));
        frame.Tags.Add(Frames.Tag("é", "3"));

        Assert.Equal($"m,source=s,é=3,\uff5e=1,😀=2 f=1i {Frames.Timestamp}\n", Encode.Line(frame));
    }

    [Fact]
    public void TryEncode_Sequence_NeverWritten()
    {
        var frame = Frames.Valid();
        frame.Sequence = 987_654_321;

        Assert.DoesNotContain("987654321", Encode.Line(frame), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.MinValue, "-1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(1e-300, "1E-300")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(123456789012345680.0, "1.2345678901234568E+17")]
    public void TryEncode_Double_ShortestRoundTrip(double value, string expected)
    {
        Assert.Equal($"m,source=s d={expected} {Frames.Timestamp}\n", Encode.Line(Frames.WithFields(Frames.Double("d", value))));
    }

    [Theory]
    [InlineData(0L, "0i")]
    [InlineData(-1L, "-1i")]
    [InlineData(long.MaxValue, "9223372036854775807i")]
    [InlineData(long.MinValue, "-9223372036854775808i")]
    public void TryEncode_Integer_DecimalWithSuffix(long value, string expected)
    {
        Assert.Equal($"m,source=s n={expected} {Frames.Timestamp}\n", Encode.Line(Frames.WithFields(Frames.Int("n", value))));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1L)]
    [InlineData(long.MinValue + 2)]
    [InlineData(long.MaxValue - 1)]
    [InlineData(-1_000_000_000_000_000_000L)]
    public void TryEncode_TimestampInRange_WrittenAsIs(long timestampNs)
    {
        var frame = Frames.Valid();
        frame.TimestampNs = timestampNs;

        Assert.Equal($"m,source=s f=1i {timestampNs}\n", Encode.Line(frame));
    }

    [Fact]
    public void TryEncode_FieldOrder_Preserved()
    {
        var frame = Frames.WithFields(Frames.Int("z", 1), Frames.Int("a", 2), Frames.Int("m", 3));

        Assert.Equal($"m,source=s z=1i,a=2i,m=3i {Frames.Timestamp}\n", Encode.Line(frame));
    }
}
