using System.Buffers;
using CsCheck;
using Google.Protobuf;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Tests.LineProtocol;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Tests.Wire;

/// <summary>
/// The wire path against the reference: <c>FrameBatch.Parser</c> and the object path of the encoder. For every
/// input both agree on whether it is a FrameBatch (and with the same message when not), on every frame's source,
/// measurement, sequence and timestamp, and on every frame's line bytes or rejection.
/// </summary>
public sealed class WireBatchDifferentialTests
{
    [Fact]
    public void Parse_RandomBatches_TakesTheFastPathAndMatchesTheReference()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            FrameBatch batch = RandomBatch(random);
            using WireBatch wire = WireBatch.Parse(new ReadOnlySequence<byte>(batch.ToByteArray()));

            Assert.False(wire.ReadByReferenceParser);
            AssertSameBatch(batch, wire);
            for (int i = 0; i < batch.Frames.Count; i++)
            {
                // The index points at exactly the bytes the reference serializer wrote for the frame.
                Assert.Equal(batch.Frames[i].ToByteArray(), wire.FrameAt(i).ToArray());
            }
        }, iter: 1500);
    }

    [Fact]
    public void Parse_MutatedBytes_SameOutcomeAsTheReferenceParser()
    {
        int rejected = 0, accepted = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            byte[] bytes = Mutate(random, RandomBatch(random).ToByteArray());
            FrameBatch? reference = null;
            string? referenceError = null;
            try
            {
                reference = FrameBatch.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException e)
            {
                referenceError = e.Message;
            }

            WireBatch wire;
            try
            {
                wire = WireBatch.Parse(new ReadOnlySequence<byte>(bytes));
            }
            catch (InvalidProtocolBufferException e)
            {
                Assert.Equal(referenceError, e.Message);
                Interlocked.Increment(ref rejected);
                return;
            }

            using (wire)
            {
                Assert.Null(referenceError);
                AssertSameBatch(reference!, wire);
                Interlocked.Increment(ref accepted);
            }
        }, iter: 3000);

        // Both outcomes are exercised in earnest.
        Assert.InRange(rejected, 300, 2700);
        Assert.InRange(accepted, 300, 2700);
    }

    [Theory]
    [InlineData("unknown varint field in a frame", new byte[] { 0x12, 0x0A, 0x0A, 0x01, (byte)'s', 0x38, 0x05, 0x22, 0x01, (byte)'m', 0x18, 0x01 })]
    [InlineData("source twice: the last wins", new byte[] { 0x12, 0x0D, 0x0A, 0x01, (byte)'a', 0x0A, 0x01, (byte)'b', 0x22, 0x01, (byte)'m', 0x18, 0x01, 0x10, 0x02 })]
    [InlineData("two value members in a field: the last wins", new byte[] { 0x12, 0x10, 0x0A, 0x01, (byte)'s', 0x18, 0x01, 0x32, 0x09, 0x0A, 0x01, (byte)'f', 0x18, 0x05, 0x20, 0x01, 0x18, 0x07 })]
    [InlineData("sequence as a fixed64: an unknown field", new byte[] { 0x12, 0x0E, 0x11, 1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x01, (byte)'s', 0x18, 0x01 })]
    [InlineData("batch id twice", new byte[] { 0x08, 0x01, 0x08, 0x09 })]
    [InlineData("a group at batch level", new byte[] { 0x23, 0x08, 0x01, 0x24, 0x08, 0x03 })]
    public void Parse_ValidButUnusualEncoding_ReferenceParserReadsItTheSame(string name, byte[] bytes)
    {
        FrameBatch reference = FrameBatch.Parser.ParseFrom(bytes);

        using WireBatch wire = WireBatch.Parse(new ReadOnlySequence<byte>(bytes));

        Assert.True(wire.ReadByReferenceParser, name);
        AssertSameBatch(reference, wire);
    }

    [Theory]
    [MemberData(nameof(HostileStrings.Cases), MemberType = typeof(HostileStrings))]
    public void From_HostileString_EncodesAsTheObjectPath(string name, FramePart part)
    {
        (string text, _) = HostileStrings.Find(name, part);
        var batch = new FrameBatch { BatchId = 3, Frames = { HostileStrings.FrameWith(part, text) } };

        using WireBatch serialized = WireBatch.From(batch);
        AssertSameBatch(batch, serialized);
        if (!HasLoneSurrogate(text))
        {
            // Text a client can send: the bytes of the reference serializer, read from the network path.
            using WireBatch received = WireBatch.Parse(new ReadOnlySequence<byte>(batch.ToByteArray()));
            Assert.False(received.ReadByReferenceParser);
            AssertSameBatch(batch, received);
        }
    }

    [Fact]
    public void Parse_LargeBatch_IndexGrowsAndMatchesTheReference()
    {
        // More frames, tags and fields than the index's first arrays hold, and one frame past any stack limit.
        var random = new Random(11);
        var batch = new FrameBatch { BatchId = 9 };
        for (int i = 0; i < 300; i++)
        {
            Frame frame = Frames.Valid(source: $"s{i % 3}");
            for (int t = 0; t < 6; t++)
            {
                frame.Tags.Add(Frames.Tag($"t{t}", $"v{random.Next(100)}"));
            }

            for (int f = 0; f < (i == 150 ? 400 : 12); f++)
            {
                frame.Fields.Add(Frames.Double($"f{f}", random.NextDouble()));
            }

            batch.Frames.Add(frame);
        }

        using WireBatch wire = WireBatch.Parse(new ReadOnlySequence<byte>(batch.ToByteArray()));

        Assert.False(wire.ReadByReferenceParser);
        AssertSameBatch(batch, wire);
    }

    [Fact]
    public void Parse_InvalidUtf8_ThrowsTheReferenceParsersError()
    {
        byte[] bytes = new FrameBatch { Frames = { Frames.Valid(source: "ab") } }.ToByteArray();
        int at = Array.IndexOf(bytes, (byte)'a');
        bytes[at] = 0xFF;

        var error = Assert.Throws<InvalidProtocolBufferException>(() => WireBatch.Parse(new ReadOnlySequence<byte>(bytes)));

        Assert.Equal(Assert.Throws<InvalidProtocolBufferException>(() => FrameBatch.Parser.ParseFrom(bytes)).Message, error.Message);
    }

    private static void AssertSameBatch(FrameBatch expected, WireBatch wire)
    {
        Assert.Equal((expected.BatchId, expected.Untracked, expected.Frames.Count), (wire.BatchId, wire.Untracked, wire.Count));
        for (int i = 0; i < expected.Frames.Count; i++)
        {
            Frame frame = expected.Frames[i];
            Assert.Equal(frame.Source, wire.SourceOf(i));
            Assert.Equal(frame.Measurement, wire.MeasurementOf(i));
            Assert.Equal((frame.Sequence, frame.TimestampNs), (wire.SequenceOf(i), wire.TimestampOf(i)));

            var fromObject = new ArrayBufferWriter<byte>();
            var fromWire = new ArrayBufferWriter<byte>();
            bool objectAccepted = Encode.Default.TryEncode(frame, fromObject, out FrameRejectionInfo objectRejection);
            bool wireAccepted = Encode.Default.TryEncode(wire.FrameAt(i), fromWire, out FrameRejectionInfo wireRejection);
            Assert.Equal(objectAccepted, wireAccepted);
            Assert.Equal(objectRejection, wireRejection);
            Assert.Equal(fromObject.WrittenSpan.ToArray(), fromWire.WrittenSpan.ToArray());

            // The server's call: the tags and fields the batch's index located.
            var fromIndex = new ArrayBufferWriter<byte>();
            Assert.Equal(objectAccepted, Encode.Default.TryEncode(wire, i, fromIndex, out FrameRejectionInfo indexRejection));
            Assert.Equal(objectRejection, indexRejection);
            Assert.Equal(fromObject.WrittenSpan.ToArray(), fromIndex.WrittenSpan.ToArray());
        }
    }

    private static FrameBatch RandomBatch(Random random)
    {
        var batch = new FrameBatch
        {
            BatchId = random.Next(3) == 0 ? 0 : (ulong)random.NextInt64(),
            Untracked = random.Next(4) == 0,
        };
        for (int i = random.Next(6); i > 0; i--)
        {
            batch.Frames.Add(FrameEncoderPropertyTests.RandomFrame(random, loneSurrogates: false));
        }

        return batch;
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = new List<byte>(bytes);
        for (int n = random.Next(1, 4); n > 0; n--)
        {
            int at = list.Count == 0 ? 0 : random.Next(list.Count);
            switch (random.Next(5))
            {
                case 0 when list.Count > 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1 when list.Count > 0:
                    list[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    list.RemoveRange(at, Math.Min(list.Count - at, random.Next(1, 4)));
                    break;
                case 3:
                    list.InsertRange(at, Enumerable.Range(0, random.Next(1, 4)).Select(_ => (byte)random.Next(256)));
                    break;
                default:
                    list.RemoveRange(at, list.Count - at);
                    break;
            }
        }

        return [.. list];
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
