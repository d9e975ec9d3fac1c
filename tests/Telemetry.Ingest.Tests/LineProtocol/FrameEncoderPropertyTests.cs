using System.Buffers;
using System.Text;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>
/// Random frames built from hostile characters: every accepted frame reads back exactly from its line (with the
/// tags in escaped-key order and a single '\n'); every rejected one leaves the output untouched.
/// </summary>
public sealed class FrameEncoderPropertyTests
{
    private const int Iterations = 3000;

    private static readonly string[] Alphabet =
        ["a", "b", "z", "_", ",", "=", " ", "\"", "\\", "#", "\t", "\0", "\r", "\n", "é", "€", "😀", "\ud800", "s", "0"];

    private static readonly string[] KeyPool = ["a", "b", "a b", "x=y", "source", "time", "é", "z\\q", "k,1", "#"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryEncode_RandomFrames_AcceptedRoundTripRejectedWritesNothing(int seed)
    {
        var random = new Random(seed);
        var output = new ArrayBufferWriter<byte>();
        int accepted = 0;
        for (int n = 0; n < Iterations; n++)
        {
            Frame frame = RandomFrame(random);
            int before = output.WrittenCount;
            if (Encode.Default.TryEncode(frame, output, out FrameRejectionInfo rejection))
            {
                accepted++;
                AssertRoundTrip(frame, Encoding.UTF8.GetString(output.WrittenSpan[before..]));
            }
            else
            {
                Assert.Equal(before, output.WrittenCount);
                Assert.NotEqual(RejectionCode.Unspecified, rejection.Code);
            }
        }

        // Both outcomes are exercised in earnest.
        Assert.InRange(accepted, Iterations / 10, Iterations * 9 / 10);
    }

    private static void AssertRoundTrip(Frame frame, string line)
    {
        Assert.Equal(line.Length - 1, line.IndexOf('\n', StringComparison.Ordinal));
        var (measurement, tags, fields, timestamp) = LineParser.Parse(line);

        Assert.Equal(frame.Measurement, measurement);
        Assert.Equal(frame.TimestampNs, timestamp);
        var expectedTags = frame.Tags.Append(new Tag { Key = "source", Value = frame.Source })
            .OrderBy(t => LineParser.EscapedKeyBytes(t.Key), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)));
        Assert.Equal(expectedTags, tags);
        Assert.Equal(frame.Fields.Count, fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            Assert.Equal(frame.Fields[i].Key, fields[i].Key);
            Assert.Equal(frame.Fields[i].ValueCase, fields[i].ValueCase);
            if (fields[i].ValueCase == Field.ValueOneofCase.DoubleValue)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(frame.Fields[i].DoubleValue), BitConverter.DoubleToInt64Bits(fields[i].DoubleValue));
            }
            else
            {
                Assert.Equal(frame.Fields[i], fields[i]);
            }
        }
    }

    /// <summary>A random frame; without <paramref name="loneSurrogates"/> its text is valid UTF-16 (it can cross the wire).</summary>
    internal static Frame RandomFrame(Random random, bool loneSurrogates = true)
    {
        var frame = new Frame
        {
            Source = RandomText(random, 0, 4, loneSurrogates),
            Sequence = (ulong)random.NextInt64(),
            TimestampNs = random.Next(10) switch
            {
                0 => 0,
                1 => random.Next(2) == 0 ? long.MinValue : long.MaxValue,
                _ => random.NextInt64(long.MinValue + 2, long.MaxValue - 1),
            },
            Measurement = RandomText(random, 0, 6, loneSurrogates),
        };
        for (int i = random.Next(4); i > 0; i--)
        {
            frame.Tags.Add(new Tag { Key = RandomKey(random, loneSurrogates), Value = RandomText(random, 0, 4, loneSurrogates) });
        }

        for (int i = random.Next(5); i > 0; i--)
        {
            frame.Fields.Add(RandomField(random, RandomKey(random, loneSurrogates), loneSurrogates));
        }

        return frame;
    }

    private static Field RandomField(Random random, string key, bool loneSurrogates) => random.Next(5) switch
    {
        0 => new Field { Key = key, DoubleValue = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)) },
        1 => new Field { Key = key, DoubleValue = Math.Round(random.NextDouble() * 1000, random.Next(4)) },
        2 => new Field { Key = key, IntValue = random.NextInt64(long.MinValue, long.MaxValue) },
        3 => new Field { Key = key, BoolValue = random.Next(2) == 0 },
        _ => new Field { Key = key, StringValue = RandomText(random, 0, 8, loneSurrogates) },
    };

    private static string RandomKey(Random random, bool loneSurrogates) =>
        random.Next(3) == 0 ? KeyPool[random.Next(KeyPool.Length)] : RandomText(random, 1, 4, loneSurrogates);

    private static string RandomText(Random random, int minLength, int maxLength, bool loneSurrogates)
    {
        var text = new StringBuilder();
        for (int i = random.Next(minLength, maxLength + 1); i > 0; i--)
        {
            // Mostly plain letters, so that a useful share of frames is valid.
            string special = Alphabet[random.Next(Alphabet.Length)];
            if (!loneSurrogates && special == "\ud800")
            {
                special = "😀";
            }

            text.Append(random.Next(5) == 0 ? special : ((char)random.Next('a', 'z' + 1)).ToString());
        }

        return text.ToString();
    }
}
