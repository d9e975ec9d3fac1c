using CsCheck;
using Google.Protobuf;
using Telemetry.Contracts.V1;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>
/// CsCheck properties against the real server and influxd: random text in every name and value is stored exactly
/// or rejected with a reason; random bytes and damaged messages always get a definite status, never UNKNOWN, and
/// the server keeps serving.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class PropertyTests(CorpusServer corpus)
{
    /// <summary>Samples per property: each is a real write and read-back, ~5 ms.</summary>
    private const int Samples = 150;

    // Line-protocol and InfluxQL metacharacters, whitespace, control characters, backslashes, and non-ASCII text.
    private static readonly Gen<char> Chars = Gen.Frequency(
        (60, Gen.Char["abcXYZ019_-/."]),
        (25, Gen.Char[",= \"'\\#\t\0\u0001\u007f*?{}[]()$;:|"]),
        (1, Gen.Char["\r\n"]),
        (10, Gen.Char["éж高\u202E\uFEFF"]),
        (4, Gen.Char['\u00A0', '\uD7FF']));

    // A character outside the BMP (a surrogate pair) ends a quarter of the strings: single chars never are one, as
    // a lone surrogate cannot cross the wire (protobuf strings are UTF-8).
    private static readonly Gen<string> Text = Gen.Select(Gen.String[Chars, 0, 12], Gen.Int[0, 3]).Select((s, k) => k == 0 ? s + "🚀" : s);
    private static readonly Gen<string> Name = Gen.Select(Gen.String[Chars, 1, 12], Gen.Int[0, 3]).Select((s, k) => k == 0 ? s + "🚀" : s);

    private static int _sample;

    [Fact]
    public async Task Write_RandomTextInEveryNameAndValue_StoredExactlyOrRejectedWithAReason()
    {
        var stored = 0;
        await Gen.Select(Name, Name, Name, Text, Name, Text).SampleAsync(async (measurement, source, tagKey, tagValue, fieldKey, stringValue) =>
        {
            var n = Interlocked.Increment(ref _sample);
            var tag = $"prop_{n}";
            var frame = new Frame
            {
                Source = source,
                Sequence = (ulong)n,
                TimestampNs = Frames.StartNs + n,
                Measurement = measurement,
                // Suffixes keep one sample's keys apart from another's in a shared measurement.
                Tags = { new Tag { Key = CorpusServer.CaseTag, Value = tag }, new Tag { Key = $"{tagKey}_t{n}", Value = tagValue } },
                Fields = { new Field { Key = $"{fieldKey}_f{n}", StringValue = stringValue }, new Field { Key = $"n_f{n}", IntValue = n } },
            };

            var ack = await corpus.Server.Client.WriteAsync(new FrameBatch { BatchId = (ulong)n, Frames = { frame } });

            var rows = await corpus.RowsOfCaseAsync(tag);
            if (ack.Rejections.Count == 1)
            {
                Assert.NotEqual(RejectionCode.Unspecified, ack.Rejections[0].Code);
                Assert.False(string.IsNullOrWhiteSpace(ack.Rejections[0].Reason));
                Assert.Equal(0u, ack.WrittenCount);
                Assert.Empty(rows);
                return;
            }
            Assert.Equal(1u, ack.WrittenCount);
            var row = Assert.Single(rows);
            Assert.Equal(measurement, row.Measurement);
            Assert.Equal(source, row.Values["source"].GetString());
            Assert.Equal(tagValue, row.Values[$"{tagKey}_t{n}"].GetString());
            Assert.Equal(stringValue, row.Values[$"{fieldKey}_f{n}"].GetString());
            Assert.Equal(n, row.Values[$"n_f{n}"].GetInt64());
            Assert.Equal(frame.TimestampNs, row.Values["time"].GetInt64());
            stored++;
        }, iter: Samples, threads: 1);

        // Both outcomes are exercised: the property is not satisfied by rejecting everything.
        Assert.InRange(stored, Samples / 5, Samples - (Samples / 10));
    }

    [Fact]
    public async Task Call_RandomBytesAndDamagedMessages_DefiniteStatusNeverUnknownAndServerKeepsServing()
    {
        var valid = RawGrpc.Frame(Frames.Batch(1, "corpus/damaged", 1, 3, measurement: "damaged"));
        var damage = Gen.OneOf(
            Gen.Int[0, valid.Length - 1].Select(cut => valid[..cut]),
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Select((at, b) => Replace(valid, at, b)),
            Gen.Select(Gen.Int[5, valid.Length - 1], Gen.Byte.Array[1, 16]).Select((at, bytes) => Insert(valid, at, bytes)),
            Gen.Byte.Array[0, 64],
            Gen.Byte.Array[0, 64].Select(payload => RawGrpc.Frame(payload)));

        await Gen.Select(damage, Gen.Bool).SampleAsync(async (body, unary) =>
        {
            var result = await RawGrpc.CallAsync(corpus.Server.Address, unary ? RawGrpc.Write : RawGrpc.Stream, body);

            Assert.Equal(200, result.Http);
            Assert.NotNull(result.Grpc);
            Assert.NotEqual(2, result.Grpc); // UNKNOWN: an exception nobody mapped
            Assert.True(result.Grpc == 0 || !string.IsNullOrEmpty(result.Message), $"status {result.Grpc} without a reason");
        }, iter: Samples, threads: 1);

        await corpus.AssertWellBehavedClientWritesAsync("damaged");
    }

    private static byte[] Replace(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];
}
