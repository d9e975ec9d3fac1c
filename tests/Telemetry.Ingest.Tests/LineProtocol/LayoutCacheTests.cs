using System.Buffers;
using Google.Protobuf;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.LineProtocol.Internal;
using Telemetry.Ingest.Wire;
using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>
/// The per-thread layout cache must be invisible: a frame whose layout (measurement, source, tags, field keys) was
/// remembered from an accepted sibling encodes to the same bytes, or is rejected with the same code and reason, as
/// on a thread that never saw it.
/// </summary>
public sealed class LayoutCacheTests
{
    private const long SiblingTimestamp = 1_700_000_000_000_000_000;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Warm_RandomFrames_SameOutcomeAsCold(int seed)
    {
        var random = new Random(seed);
        int warm = 0;
        int warmRejected = 0;
        for (int n = 0; n < 3000; n++)
        {
            Frame frame = FrameEncoderPropertyTests.RandomFrame(random);
            if (AssertSameOutcomeWarm(Encode.Default, frame) is { } accepted)
            {
                warm++;
                warmRejected += accepted ? 0 : 1;
            }
        }

        // Enough frames met a remembered layout, and enough of those had bad values, for the comparison to matter.
        Assert.InRange(warm, 300, 3000);
        Assert.InRange(warmRejected, 50, warm - 50);
    }

    [Theory]
    [MemberData(nameof(HostileStrings.Cases), MemberType = typeof(HostileStrings))]
    public void Warm_HostileString_SameOutcomeAsCold(string name, FramePart part)
    {
        (string text, _) = HostileStrings.Find(name, part);
        Frame frame = HostileStrings.FrameWith(part, text);

        bool? accepted = AssertSameOutcomeWarm(Encode.Default, frame);

        // A hostile string value sits outside the layout: the layout is remembered whatever the string holds.
        if (part == FramePart.StringValue)
        {
            Assert.NotNull(accepted);
        }
    }

    public static TheoryData<string, Frame> ValueRejections() => new()
    {
        { "NaN", Frames.WithFields(Frames.Int("a", 1), Frames.Double("b", double.NaN)) },
        { "infinity", Frames.WithFields(Frames.Double("a", double.NegativeInfinity), Frames.Int("b", 1)) },
        { "no value", Frames.WithFields(Frames.Int("a", 1), new Field { Key = "b" }) },
        { "newline in string", Frames.WithFields(Frames.Int("a", 1), Frames.String("b", "x\ny")) },
        { "carriage return in string", Frames.WithFields(Frames.String("a", "x\r"), Frames.Int("b", 1)) },
        { "timestamp 0", WithTimestamp(0) },
        { "timestamp too late", WithTimestamp(long.MaxValue) },
        { "two bad values, the first named", Frames.WithFields(Frames.Double("a", double.NaN), new Field { Key = "b" }) },
    };

    [Theory]
    [MemberData(nameof(ValueRejections))]
    public void Warm_BadValue_SameRejectionAsCold(string name, Frame frame)
    {
        Assert.False(AssertSameOutcomeWarm(Encode.Default, frame), name);
    }

    [Fact]
    public void Warm_LineTooLargeForAnotherEncoder_RejectedAsCold()
    {
        // The cache is per thread, shared by encoders with different limits: the limit is applied per frame.
        var small = new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = 256 });
        Frame frame = Frames.WithFields(Frames.Int("a", 1), Frames.String("b", new string('x', 300)));

        Assert.False(AssertSameOutcomeWarm(small, frame));
        Assert.Equal(RejectionCode.TooLarge, Encode.Rejection(frame, small).Code);
    }

    [Fact]
    public void Interleaved_MoreLayoutsThanWays_EveryLineAsCold()
    {
        Frame[] layouts = [.. Enumerable.Range(0, LayoutCache.Ways + 2).Select(i => Layout($"m{i}", $"src{i % 2}", $"k{i}"))];
        var random = new Random(5);
        LayoutCache.Clear();
        var output = new ArrayBufferWriter<byte>();
        for (int n = 0; n < 200; n++)
        {
            Frame frame = layouts[random.Next(layouts.Length)].Clone();
            frame.TimestampNs = SiblingTimestamp + n;
            frame.Fields[1].DoubleValue = random.NextDouble() * 1e6;
            output.ResetWrittenCount();
            Assert.True(Encode.Default.TryEncode(frame, output, out _));

            byte[] warm = output.WrittenSpan.ToArray();
            LayoutCache.Clear();
            Assert.Equal(Encode.LineBytes(frame), warm);
            Assert.Contains($"{frame.Fields[0].Key}=1i,{frame.Fields[1].Key}=", System.Text.Encoding.UTF8.GetString(warm), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LayoutTooLargeToKeep_EvictsNothing()
    {
        Frame[] kept = [.. Enumerable.Range(0, LayoutCache.Ways).Select(i => Layout($"m{i}", "s", $"k{i}"))];
        Frame large = Layout("big", "s", new string('k', LineLayout.MaxRawBytes));
        LayoutCache.Clear();
        foreach (Frame frame in kept)
        {
            Encode.LineBytes(frame);
        }

        Encode.LineBytes(large);

        Assert.Null(FindLayout(large));
        Assert.All(kept, frame => Assert.NotNull(FindLayout(frame)));
    }

    [Fact]
    public void SameLayoutDifferentTagValue_NotTakenForTheRememberedSeries()
    {
        Frame first = Layout("m", "s", "k");
        Frame second = first.Clone();
        second.Tags[0].Value = "w";
        LayoutCache.Clear();

        Encode.LineBytes(first);

        Assert.Null(FindLayout(second));
        Assert.StartsWith("m,k=w,source=s ", Encode.Line(second), StringComparison.Ordinal);
    }

    /// <summary>
    /// Encodes <paramref name="frame"/> cold, then again after an accepted sibling with the same layout; asserts both
    /// outcomes are the same. Returns null when no sibling was accepted (nothing to compare), else whether the frame
    /// was accepted.
    /// </summary>
    private static bool? AssertSameOutcomeWarm(FrameEncoder encoder, Frame frame)
    {
        LayoutCache.Clear();
        (bool accepted, byte[] line, FrameRejectionInfo rejection) cold = Run(encoder, frame);

        Frame sibling = Sibling(frame);
        LayoutCache.Clear();
        if (!Encode.Default.TryEncode(sibling, new ArrayBufferWriter<byte>(), out _))
        {
            return null;
        }

        if (FindLayout(frame) is null)
        {
            // Only a layout too large for the cache's fixed buffers is not remembered.
            Assert.True(RawLayoutBytes(frame) > LineLayout.MaxRawBytes, "an accepted layout was not remembered");
            return null;
        }

        (bool accepted, byte[] line, FrameRejectionInfo rejection) warm = Run(encoder, frame);
        Assert.Equal(cold.accepted, warm.accepted);
        Assert.Equal(cold.line, warm.line);
        Assert.Equal(cold.rejection, warm.rejection);
        return warm.accepted;
    }

    private static (bool Accepted, byte[] Line, FrameRejectionInfo Rejection) Run(FrameEncoder encoder, Frame frame)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("previous\n"u8);
        bool accepted = encoder.TryEncode(frame, output, out FrameRejectionInfo rejection);
        return (accepted, output.WrittenSpan.ToArray(), rejection);
    }

    /// <summary>The same layout with values that cannot be rejected: a valid timestamp and every field 1.5.</summary>
    private static Frame Sibling(Frame frame)
    {
        Frame sibling = frame.Clone();
        sibling.TimestampNs = SiblingTimestamp;
        foreach (Field field in sibling.Fields)
        {
            field.DoubleValue = 1.5;
        }

        return sibling;
    }

    /// <summary>The layout this thread remembers for <paramref name="frame"/>, read through the wire path.</summary>
    private static LineLayout? FindLayout(Frame frame)
    {
        using WireBatch batch = WireBatch.From(new FrameBatch { Frames = { frame } });
        ReadOnlySpan<byte> bytes = batch.FrameAt(0, out FrameHeader header, out ReadOnlySpan<TagRef> tags, out ReadOnlySpan<FieldRef> fields);
        return LayoutCache.Find(new FrameView(bytes, header, tags, fields));
    }

    private static int RawLayoutBytes(Frame frame) =>
        new[] { frame.Measurement, frame.Source }
            .Concat(frame.Tags.SelectMany(t => new[] { t.Key, t.Value }))
            .Concat(frame.Fields.Select(f => f.Key))
            .Sum(System.Text.Encoding.UTF8.GetByteCount);

    private static Frame Layout(string measurement, string source, string tagKey)
    {
        Frame frame = Frames.WithFields(Frames.Int("count_" + tagKey, 1), Frames.Double("value_" + tagKey, 2.5));
        frame.Measurement = measurement;
        frame.Source = source;
        frame.Tags.Add(Frames.Tag(tagKey, "v"));
        return frame;
    }

    private static Frame WithTimestamp(long timestamp)
    {
        Frame frame = Frames.WithFields(Frames.Int("a", 1), Frames.Double("b", 2));
        frame.TimestampNs = timestamp;
        return frame;
    }
}
