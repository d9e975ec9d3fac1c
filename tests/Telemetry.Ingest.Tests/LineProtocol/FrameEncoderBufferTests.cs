using System.Buffers;
using System.Text;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Output buffers, size limits and options.</summary>
public sealed class FrameEncoderBufferTests
{
    [Theory]
    [InlineData(255)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((1 << 20) + 1)]
    public void Constructor_MaxLineBytesOutOfRange_Throws(int maxLineBytes)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = maxLineBytes }));

        Assert.Equal("MaxLineBytes", error.ParamName);
    }

    [Fact]
    public void Options_Default_MaxLineBytesIs64KiB()
    {
        Assert.Equal(65_536, new FrameEncoderOptions().MaxLineBytes);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1000)]
    [InlineData(1 << 20)]
    public void TryEncode_LineOfExactlyMaxLineBytes_AcceptedAndOneMoreRejected(int maxLineBytes)
    {
        var encoder = new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = maxLineBytes });
        int overhead = Encode.LineBytes(Frames.WithFields(Frames.String("s", ""))).Length;
        string fits = new('x', maxLineBytes - overhead);

        byte[] line = Encode.LineBytes(Frames.WithFields(Frames.String("s", fits)), encoder);
        var rejection = Encode.Rejection(Frames.WithFields(Frames.String("s", fits + "x")), encoder);

        Assert.Equal(maxLineBytes, line.Length);
        Assert.Equal(RejectionCode.TooLarge, rejection.Code);
        Assert.Equal($"the encoded line is longer than the {maxLineBytes}-byte limit", rejection.Reason);
    }

    [Fact]
    public void TryEncode_MultiByteTextAtLimit_CountsUtf8Bytes()
    {
        var encoder = new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = 256 });
        int overhead = Encode.LineBytes(Frames.WithFields(Frames.String("s", ""))).Length;

        // '€' is 3 UTF-8 bytes; '\"' is written as 2.
        string fits = new string('€', (256 - overhead) / 3) + new string('"', (256 - overhead) % 3 == 2 ? 1 : 0);
        int fitsBytes = Encode.LineBytes(Frames.WithFields(Frames.String("s", fits)), encoder).Length;

        Assert.InRange(fitsBytes, 255, 256);
        Assert.Equal(RejectionCode.TooLarge, Encode.Rejection(Frames.WithFields(Frames.String("s", fits + "€")), encoder).Code);
    }

    [Fact]
    public void TryEncode_WriterReturnsLargerSpan_StillEnforcesMaxLineBytes()
    {
        var encoder = new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = 256 });
        var output = new SegmentWriter(_ => 1 << 21);

        bool accepted = encoder.TryEncode(Frames.WithFields(Frames.String("s", new string('x', 300))), output, out var rejection);

        Assert.False(accepted);
        Assert.Equal(RejectionCode.TooLarge, rejection.Code);
        Assert.Empty(output.Written);
    }

    [Fact]
    public void TryEncode_SegmentedWriter_EachLineInOneSegmentOfRequestedSize()
    {
        var output = new SegmentWriter(sizeHint => sizeHint);
        var frames = new[] { Frames.Valid("a"), Frames.WithFields(Frames.String("s", new string('€', 2000))), Frames.Valid("b") };

        foreach (var frame in frames)
        {
            Assert.True(Encode.Default.TryEncode(frame, output, out _));
        }

        string expected = string.Concat(frames.Select(f => Encode.Line(f)));
        Assert.Equal(expected, Encoding.UTF8.GetString(output.Written));
        Assert.Equal(3, output.GetSpanCalls);
    }

    [Fact]
    public void TryEncode_ManyLinesIntoOneWriter_Concatenated()
    {
        var output = new ArrayBufferWriter<byte>(16);
        for (int i = 1; i <= 1000; i++)
        {
            var frame = Frames.WithFields(Frames.Int("i", i));
            frame.TimestampNs = i;
            Assert.True(Encode.Default.TryEncode(frame, output, out _));
        }

        string[] lines = Encoding.UTF8.GetString(output.WrittenSpan).Split('\n');

        Assert.Equal(1001, lines.Length);
        Assert.Equal("m,source=s i=1000i 1000", lines[999]);
        Assert.Equal(string.Empty, lines[1000]);
    }

    [Fact]
    public void TryEncode_ManyTags_SortedBeyondStackLimit()
    {
        var frame = Frames.Valid();
        for (int i = 99; i >= 0; i--)
        {
            frame.Tags.Add(Frames.Tag($"t{i:D2}", "v"));
        }

        string line = Encode.Line(frame);

        string tags = string.Join(',', Enumerable.Range(0, 100).Select(i => $"t{i:D2}=v"));
        Assert.Equal($"m,source=s,{tags} f=1i {Frames.Timestamp}\n", line);
    }

    [Fact]
    public void TryEncode_ManyTagsWithDuplicate_DuplicateKey()
    {
        var frame = Frames.Valid();
        for (int i = 0; i < 100; i++)
        {
            frame.Tags.Add(Frames.Tag($"t{i % 99}", "v"));
        }

        Assert.Equal("tag key \"t0\" appears more than once", Encode.Rejection(frame).Reason);
    }

    [Fact]
    public void TryEncode_ManyFieldsWithDuplicate_DuplicateKey()
    {
        var frame = Frames.WithFields([.. Enumerable.Range(0, 500).Select(i => Frames.Int($"f{i}", i)), Frames.Int("f250", 0)]);

        Assert.Equal("field key \"f250\" appears more than once", Encode.Rejection(frame).Reason);
    }

    [Fact]
    public void TryEncode_ManyFieldsOneEqualToTagKey_DuplicateKey()
    {
        var frame = Frames.WithFields([.. Enumerable.Range(0, 500).Select(i => Frames.Int($"f{i}", i))]);
        for (int i = 0; i < 50; i++)
        {
            frame.Tags.Add(Frames.Tag($"g{i}", "v"));
        }

        frame.Tags.Add(Frames.Tag("f499", "v"));

        Assert.Equal(RejectionCode.DuplicateKey, Encode.Rejection(frame).Code);
        frame.Tags.RemoveAt(frame.Tags.Count - 1);
        Assert.EndsWith($",f499=499i {Frames.Timestamp}\n", Encode.Line(frame), StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_SeriesAndFieldKeyOverInfluxLimit_TooLarge()
    {
        var encoder = new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = 1 << 20 });

        // influxd 1.6.7 refuses a point when series key + 4 + field key > 65535 bytes ("m,source=s" is 10).
        var fits = Frames.WithFields(Frames.Int(new string('f', 65_535 - 10 - 4), 1));
        var tooLong = Frames.WithFields(Frames.Int(new string('f', 65_535 - 10 - 3), 1));

        Assert.Equal("m,source=s ".Length + 65_521 + "=1i ".Length + 19 + 1, Encode.LineBytes(fits, encoder).Length);
        var rejection = Encode.Rejection(tooLong, encoder);
        Assert.Equal(RejectionCode.TooLarge, rejection.Code);
        Assert.Contains("exceed InfluxDB's 65535-byte key limit", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_OversizedFrameWithNewline_NewlineReported()
    {
        var frame = Frames.WithFields(Frames.String("s", new string('x', 100_000)), Frames.String("t", "a\nb"));

        Assert.Equal(RejectionCode.Newline, Encode.Rejection(frame).Code);
    }

    [Fact]
    public void TryEncode_OversizedFrameWithLoneSurrogate_InvalidReported()
    {
        var frame = Frames.WithFields(Frames.String("s", new string('x', 100_000) + "\ud800"));

        Assert.Equal(RejectionCode.Invalid, Encode.Rejection(frame).Code);
    }
}
