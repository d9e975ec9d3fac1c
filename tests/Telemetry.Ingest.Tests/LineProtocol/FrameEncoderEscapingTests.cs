using System.Text;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>The escaping table: input text in each part of a frame, and the exact bytes of the line.</summary>
public sealed class FrameEncoderEscapingTests
{
    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("a b", "a\\ b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a=b", "a=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData("a\\b", "a\\b")]
    [InlineData("\\a", "\\a")]
    [InlineData("a\\\\b", "a\\\\b")]
    [InlineData(" x", "\\ x")]
    [InlineData(",x", "\\,x")]
    [InlineData("_x", "_x")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("ü€😀", "ü€😀")]
    public void TryEncode_Measurement_EscapesCommaAndSpace(string measurement, string expected)
    {
        AssertLine($"{expected},source=s f=1i {Frames.Timestamp}\n", Frames.Valid(measurement));
    }

    [Theory]
    [InlineData("axis", "axis")]
    [InlineData("a b", "a\\ b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a=b", "a\\=b")]
    [InlineData(" =,", "\\ \\=\\,")]
    [InlineData("a\"b", "a\"b")]
    [InlineData("a\\b", "a\\b")]
    [InlineData("\\a", "\\a")]
    [InlineData("a\\\\b", "a\\\\b")]
    [InlineData("#x", "#x")]
    [InlineData("\tx", "\tx")]
    [InlineData("x\0", "x\0")]
    [InlineData("ü€😀", "ü€😀")]
    public void TryEncode_TagKeyAndValue_EscapeCommaEqualsAndSpace(string text, string expected)
    {
        var frame = Frames.Valid();
        frame.Tags.Add(Frames.Tag(text, text));
        bool sortsFirst = Encoding.UTF8.GetBytes(expected).AsSpan().SequenceCompareTo("source"u8) < 0;
        string tags = sortsFirst ? $"{expected}={expected},source=s" : $"source=s,{expected}={expected}";

        AssertLine($"m,{tags} f=1i {Frames.Timestamp}\n", frame);
    }

    [Theory]
    [InlineData("altitude_m", "altitude_m")]
    [InlineData("a b", "a\\ b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a=b", "a\\=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData("a\\b", "a\\b")]
    [InlineData("#x", "#x")]
    [InlineData("x\t", "x\t")]
    [InlineData("ü€😀", "ü€😀")]
    public void TryEncode_FieldKey_EscapesCommaEqualsAndSpace(string key, string expected)
    {
        AssertLine($"m,source=s {expected}=2i {Frames.Timestamp}\n", Frames.WithFields(Frames.Int(key, 2)));
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("\"", "\"\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("a\\", "\"a\\\\\"")]
    [InlineData("\\\"", "\"\\\\\\\"\"")]
    [InlineData("a b,c=d", "\"a b,c=d\"")]
    [InlineData("\t#\0", "\"\t#\0\"")]
    [InlineData("ü€😀", "\"ü€😀\"")]
    public void TryEncode_StringValue_QuotesAndEscapesQuoteAndBackslash(string value, string expected)
    {
        AssertLine($"m,source=s s={expected} {Frames.Timestamp}\n", Frames.WithFields(Frames.String("s", value)));
    }

    [Fact]
    public void TryEncode_Source_EscapedLikeTagValue()
    {
        AssertLine($"m,source=a\\ b\\,c\\=d f=1i {Frames.Timestamp}\n", Frames.Valid(source: "a b,c=d"));
    }

    [Fact]
    public void TryEncode_NonAscii_WritesUtf8Bytes()
    {
        byte[] line = Encode.LineBytes(Frames.Valid(measurement: "é😀"));

        Assert.Equal(new byte[] { 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, (byte)',' }, line[..7]);
    }

    private static void AssertLine(string expected, Telemetry.Contracts.V1.Frame frame) =>
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encode.LineBytes(frame));
}
