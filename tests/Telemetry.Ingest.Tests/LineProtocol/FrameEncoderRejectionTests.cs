using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Every rejection rule: its code, and a reason that names the offending key or value.</summary>
public sealed class FrameEncoderRejectionTests
{
    [Fact]
    public void TryEncode_EmptySource_Missing()
    {
        AssertRejected(Frames.Valid(source: ""), RejectionCode.Missing, "source is empty");
    }

    [Fact]
    public void TryEncode_EmptyMeasurement_Missing()
    {
        AssertRejected(Frames.Valid(measurement: ""), RejectionCode.Missing, "measurement is empty");
    }

    [Fact]
    public void TryEncode_ZeroTimestamp_Missing()
    {
        var frame = Frames.Valid();
        frame.TimestampNs = 0;

        AssertRejected(frame, RejectionCode.Missing, "timestamp is 0");
    }

    [Fact]
    public void TryEncode_NoFields_Missing()
    {
        AssertRejected(Frames.WithFields(), RejectionCode.Missing, "no fields");
    }

    [Fact]
    public void TryEncode_EmptyTagKey_MissingWithIndex()
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag("a", "1"));
        frame.Tags.Add(Frames.Tag("", "2"));

        AssertRejected(frame, RejectionCode.Missing, "tag #1 has an empty key");
    }

    [Fact]
    public void TryEncode_EmptyTagValue_MissingNamingKey()
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag("axis", ""));

        AssertRejected(frame, RejectionCode.Missing, "tag \"axis\" has an empty value");
    }

    [Fact]
    public void TryEncode_EmptyFieldKey_MissingWithIndex()
    {
        AssertRejected(Frames.WithFields(Frames.Int("a", 1), Frames.Int("", 2)), RejectionCode.Missing, "field #1 has an empty key");
    }

    [Fact]
    public void TryEncode_FieldWithoutValue_MissingNamingKey()
    {
        AssertRejected(Frames.WithFields(new Field { Key = "alt" }), RejectionCode.Missing, "field \"alt\" has no value");
    }

    [Theory]
    [InlineData("time")]
    [InlineData("_field")]
    [InlineData("_measurement")]
    [InlineData("source")]
    public void TryEncode_ReservedTagKey_ReservedKey(string key)
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag(key, "v"));

        AssertRejected(frame, RejectionCode.ReservedKey, $"tag key \"{key}\" is reserved");
    }

    [Theory]
    [InlineData("time")]
    [InlineData("_field")]
    [InlineData("_measurement")]
    public void TryEncode_ReservedFieldKey_ReservedKey(string key)
    {
        AssertRejected(Frames.WithFields(Frames.Double(key, 1)), RejectionCode.ReservedKey, $"field key \"{key}\" is reserved");
    }

    [Fact]
    public void TryEncode_DuplicateTagKey_DuplicateKey()
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag("axis", "x"));
        frame.Tags.Add(Frames.Tag("unit", "m"));
        frame.Tags.Add(Frames.Tag("axis", "y"));

        AssertRejected(frame, RejectionCode.DuplicateKey, "tag key \"axis\" appears more than once");
    }

    [Fact]
    public void TryEncode_DuplicateFieldKey_DuplicateKey()
    {
        var frame = Frames.WithFields(Frames.Double("alt", 1), Frames.Int("v", 2), Frames.Bool("alt", true));

        AssertRejected(frame, RejectionCode.DuplicateKey, "field key \"alt\" appears more than once");
    }

    [Fact]
    public void TryEncode_FieldKeyEqualToTagKey_DuplicateKey()
    {
        // influxd 1.6.7 answers 204 to such a line but stores nothing when it is the only field.
        var frame = Frames.WithFields(Frames.Double("axis", 1));
        frame.Tags.Add(Frames.Tag("axis", "x"));

        AssertRejected(frame, RejectionCode.DuplicateKey, "field key \"axis\" is also a tag key");
    }

    [Fact]
    public void TryEncode_FieldKeySource_DuplicateKey()
    {
        AssertRejected(Frames.WithFields(Frames.String("source", "x")), RejectionCode.DuplicateKey, "field key \"source\" is also a tag key");
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void TryEncode_NonFiniteDouble_NonFinite(double value, string shown)
    {
        var frame = Frames.WithFields(Frames.Double("ok", 1), Frames.Double("alt", value));

        AssertRejected(frame, RejectionCode.NonFinite, $"field \"alt\" is {shown}");
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MinValue + 1)]
    [InlineData(long.MaxValue)]
    public void TryEncode_TimestampOutsideInfluxRange_Invalid(long timestampNs)
    {
        var frame = Frames.Valid();
        frame.TimestampNs = timestampNs;

        AssertRejected(frame, RejectionCode.Invalid, $"timestamp {timestampNs} ns is outside InfluxDB's range");
    }

    [Theory]
    [InlineData(FramePart.Measurement, "measurement \"a\\nb\"")]
    [InlineData(FramePart.TagKey, "tag key \"a\\nb\"")]
    [InlineData(FramePart.TagValue, "value of tag \"k\"")]
    [InlineData(FramePart.FieldKey, "field key \"a\\nb\"")]
    [InlineData(FramePart.StringValue, "string value of field \"str\"")]
    public void TryEncode_Newline_NewlineNamingPart(FramePart part, string named)
    {
        AssertRejected(HostileStrings.FrameWith(part, "a\nb"), RejectionCode.Newline, $"{named} contains a newline");
    }

    [Fact]
    public void TryEncode_NewlineInSource_Newline()
    {
        AssertRejected(Frames.Valid(source: "gnc\r"), RejectionCode.Newline, "source \"gnc\\r\" contains a newline");
    }

    [Fact]
    public void TryEncode_LoneSurrogate_InvalidNamingKey()
    {
        var frame = Frames.WithFields(Frames.String("label", "bad\ud83d"));

        AssertRejected(frame, RejectionCode.Invalid, "string value of field \"label\" is not valid UTF-16");
    }

    [Theory]
    [InlineData("dir\\")]
    [InlineData("a\\ b")]
    [InlineData("a\\,b")]
    [InlineData("a\\=b")]
    [InlineData("a\\\"b")]
    public void TryEncode_UnsafeBackslashInTagValue_InvalidNamingKey(string value)
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag("path", value));

        AssertRejected(frame, RejectionCode.Invalid, "value of tag \"path\" has a backslash at its end or before");
    }

    [Fact]
    public void TryEncode_MeasurementStartingWithHash_Invalid()
    {
        AssertRejected(Frames.Valid(measurement: "#imu"), RejectionCode.Invalid, "measurement \"#imu\" starts with '#'");
    }

    [Fact]
    public void TryEncode_FieldKeyStartingWithTab_Invalid()
    {
        AssertRejected(Frames.WithFields(Frames.Int("\tn", 1)), RejectionCode.Invalid, "field key \"\\tn\" starts with a tab or NUL");
    }

    [Fact]
    public void TryEncode_LongOffendingKey_ReasonShortened()
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag(new string('k', 5000), ""));

        var rejection = Encode.Rejection(frame);

        Assert.Equal($"tag \"{new string('k', 64)}\"... (5000 chars) has an empty value", rejection.Reason);
    }

    [Fact]
    public void TryEncode_StructuralAndContentErrors_StructuralReportedFirst()
    {
        var frame = Frames.WithFields(Frames.String("s", "a\nb"), Frames.Double("d", double.NaN));

        Assert.Equal(RejectionCode.NonFinite, Encode.Rejection(frame).Code);
    }

    [Fact]
    public void TryEncode_RejectedFrame_EncoderStillEncodesNextFrame()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        bool first = Encode.Default.TryEncode(Frames.Valid(source: ""), output, out _);
        bool second = Encode.Default.TryEncode(Frames.Valid(), output, out _);

        Assert.False(first);
        Assert.True(second);
        Assert.Equal($"m,source=s f=1i {Frames.Timestamp}\n", System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static void AssertRejected(Frame frame, RejectionCode code, string reasonFragment)
    {
        FrameRejectionInfo rejection = Encode.Rejection(frame);
        Assert.Equal(code, rejection.Code);
        Assert.Contains(reasonFragment, rejection.Reason, StringComparison.Ordinal);
    }
}
