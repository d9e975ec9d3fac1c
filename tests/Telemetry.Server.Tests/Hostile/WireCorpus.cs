using System.IO.Compression;
using System.Text;
using Google.Protobuf;
using Telemetry.Contracts.V1;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>
/// Hand-made request bodies on both ingest methods: each call ends with the status the gRPC spec gives it and a
/// reason, exactly the valid batches before the bad message are stored (nothing else), and the server keeps serving.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class WireCorpus(CorpusServer corpus)
{
    private const int InvalidArgument = 3;
    private const int ResourceExhausted = 8;
    private const int Unimplemented = 12;
    private const int Internal = 13;
    private static readonly Dictionary<string, string> Gzip = new() { ["grpc-encoding"] = "gzip" };
    private static readonly Dictionary<string, string> Deflate = new() { ["grpc-encoding"] = "deflate" };

    /// <summary>Case name, method, body (built from the case's tag), headers, expected status and reason, stored steps.</summary>
    private static readonly (string Name, Func<string, byte[]> Body, Dictionary<string, string>? Headers, int Status, string Reason, long[] Stored)[] Cases =
    [
        ("length_ffffffff", _ => RawGrpc.Frame([1, 2, 3], length: 0xFFFFFFFF), null, ResourceExhausted, "a message of 4294967295 bytes exceeds the maximum of 4194304 (Ingest:MaxMessageBytes)", []),
        ("length_80000000", _ => RawGrpc.Frame([1, 2, 3], length: 0x80000000), null, ResourceExhausted, "a message of 2147483648 bytes exceeds the maximum", []),
        ("length_limit_plus_one", _ => RawGrpc.Frame([1, 2, 3], length: CorpusServer.MaxMessageBytes + 1), null, ResourceExhausted, "a message of 4194305 bytes exceeds", []),
        ("gzip_corrupt", _ => RawGrpc.Frame(Corrupt(Compress(new byte[200], gzip: true)), compressed: true), Gzip, Internal, "the message could not be decompressed (gzip", []),
        ("deflate_corrupt", _ => RawGrpc.Frame(Corrupt(Compress(new byte[200], gzip: false)), compressed: true), Deflate, Internal, "the message could not be decompressed (deflate", []),
        ("gzip_bomb", _ => RawGrpc.Frame(Compress(new byte[8 << 20], gzip: true), compressed: true), Gzip, ResourceExhausted, "exceeds the maximum", []),
        ("compressed_without_encoding", tag => RawGrpc.Frame(Compress(Batch(tag, 1).ToByteArray(), gzip: true), compressed: true), null, Internal, "did not include grpc-encoding", []),
        ("encoding_unknown", tag => RawGrpc.Frame(Compress(Batch(tag, 1).ToByteArray(), gzip: true), compressed: true), new() { ["grpc-encoding"] = "snappy" }, Unimplemented, "Unsupported grpc-encoding value 'snappy'", []),
        ("compressed_flag_209", tag => [209, .. RawGrpc.Frame(Batch(tag, 1))[1..]], null, Internal, "compressed flag is 209; gRPC defines only 0 and 1", []),
        ("prefix_truncated", _ => [0, 0, 0], null, Internal, "Incomplete message", []),
        ("payload_truncated", tag => RawGrpc.Frame(Batch(tag, 1))[..^3], null, Internal, "Incomplete message", []),
        ("payload_garbage", _ => RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), null, InvalidArgument, "message 1 of the stream is not a valid telemetry.v1.FrameBatch: |the message is not a valid telemetry.v1.FrameBatch: ", []),
        ("payload_wrong_wire_type", _ => RawGrpc.Frame([0x13, 0x01]), null, InvalidArgument, "message 1 of the stream is not a valid telemetry.v1.FrameBatch: |the message is not a valid telemetry.v1.FrameBatch: ", []),
        ("gzip_utf8_invalid_source", tag => RawGrpc.Frame(Compress(BreakUtf8(Batch(tag, 1, source: "corpus/@@@@"), [0xFF, 0xFE, 0xFD, 0xFC]), gzip: true), compressed: true), Gzip, InvalidArgument, "is not a valid telemetry.v1.FrameBatch: String is invalid UTF-8|frames[0].source is not valid UTF-8", []),
        ("utf8_invalid_source", tag => RawGrpc.Frame(BreakUtf8(Batch(tag, 1, source: "corpus/@@@@"), [0xFF, 0xFE, 0xFD, 0xFC])), null, InvalidArgument, "is not a valid telemetry.v1.FrameBatch: String is invalid UTF-8|frames[0].source is not valid UTF-8", []),
        ("utf8_invalid_string_value", tag => RawGrpc.Frame(BreakUtf8(Batch(tag, 1, phase: "@@@@"), [0x80, 0x80, 0x80, 0x80])), null, InvalidArgument, "is not a valid telemetry.v1.FrameBatch: String is invalid UTF-8|frames[0].fields[3].string_value is not valid UTF-8", []),
        ("utf8_invalid_field_key", tag => RawGrpc.Frame(BreakUtf8(Batch(tag, 1, fieldKey: "@@@@"), [0xED, 0xA0, 0x80, 0x41])), null, InvalidArgument, "is not a valid telemetry.v1.FrameBatch: String is invalid UTF-8|frames[0].fields[0].key is not valid UTF-8", []),
        ("utf8_overlong_tag_value", tag => RawGrpc.Frame(BreakUtf8(Batch(tag, 1, vehicle: "@@@@"), [0xC0, 0xAF, 0x41, 0x41])), null, InvalidArgument, "is not a valid telemetry.v1.FrameBatch: String is invalid UTF-8|frames[0].tags[0].value is not valid UTF-8", []),
        ("valid_then_garbage", tag => [.. RawGrpc.Frame(Batch(tag, 1)), .. RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])], null, InvalidArgument, "message 2 of the stream is not a valid telemetry.v1.FrameBatch", [1]),
        // Valid protobuf that the server's fast path leaves to the reference parser (an unknown field): written all the same.
        ("unknown_field_skipped", tag => RawGrpc.Frame([.. Batch(tag, 1).ToByteArray(), 0x38, 0x05]), null, 0, "", [1]),
        ("valid_gzip", tag => RawGrpc.Frame(Compress(Batch(tag, 1).ToByteArray(), gzip: true), compressed: true), Gzip, 0, "", [1]),
    ];

    public static TheoryData<string, string> Names()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in new[] { RawGrpc.Write, RawGrpc.Stream })
        {
            foreach (var c in Cases)
            {
                data.Add(method, c.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Call_HandMadeBody_ExactStatusReasonAndDatabaseEffect(string method, string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var unary = method == RawGrpc.Write;
        var tag = $"{(unary ? "write" : "stream")}_{name}";
        // One reason for both methods, or "stream|write" when only Write can name the broken field.
        var reason = c.Reason.Split('|') is [var stream, var write] ? (unary ? write : stream) : c.Reason;
        var status = (unary, name) switch
        {
            // Write reads its one message whole, so everything in it is parsed before anything is written.
            (true, "valid_then_garbage") => (InvalidArgument, "not a valid telemetry.v1.FrameBatch", Array.Empty<long>()),
            _ => (c.Status, reason, c.Stored),
        };

        var result = await RawGrpc.CallAsync(corpus.Server.Address, method, c.Body(tag), c.Headers);

        Assert.Equal(200, result.Http);
        Assert.Equal(status.Item1, result.Grpc);
        Assert.Contains(status.Item2, result.Message ?? string.Empty, StringComparison.Ordinal);
        var stored = (await corpus.RowsOfCaseAsync(tag)).Select(r => r.Values["step"].GetInt64()).ToArray();
        Assert.Equal(status.Item3, stored);
        // Every stored batch was acknowledged before the call ended (an ack of one batch is a few bytes).
        Assert.Equal(stored.Length > 0, result.BodyBytes > 0);
        await corpus.AssertWellBehavedClientWritesAsync(tag);
    }

    [Theory]
    [InlineData("one_header_100k", 1, 100_000)]
    [InlineData("headers_2000", 2000, 20)]
    public async Task Call_OversizedMetadata_RefusedBeforeTheServiceAndServerKeepsServing(string name, int count, int valueBytes)
    {
        var headers = Enumerable.Range(0, count).ToDictionary(i => $"x-hostile-{i}", _ => new string('h', valueBytes));
        int? http = null;
        try
        {
            http = (await RawGrpc.CallAsync(corpus.Server.Address, RawGrpc.Write, RawGrpc.Frame(Batch(name, 1)), headers)).Http;
        }
        catch (HttpRequestException)
        {
            // Kestrel may reset the stream or the connection instead of answering.
        }

        // Kestrel's request-header limit (32 KB) answers 431 or resets: the call never reaches the service.
        Assert.True(http is null or 431, $"HTTP {http}");
        Assert.Empty(await corpus.RowsOfCaseAsync(name));
        await corpus.AssertWellBehavedClientWritesAsync(name);
    }

    [Fact]
    public async Task Call_UnknownMethod_UnimplementedAndServerKeepsServing()
    {
        var result = await RawGrpc.CallAsync(corpus.Server.Address, "/telemetry.v1.IngestService/Delete", RawGrpc.Frame(Batch("unknown_method", 1)));

        Assert.Equal(Unimplemented, result.Grpc);
        Assert.Empty(await corpus.RowsOfCaseAsync("unknown_method"));
        await corpus.AssertWellBehavedClientWritesAsync("unknown_method");
    }

    [Fact]
    public async Task Call_NotGrpcContentType_RefusedWith415AndServerKeepsServing()
    {
        var result = await RawGrpc.CallAsync(corpus.Server.Address, RawGrpc.Write, RawGrpc.Frame(Batch("json", 1)), contentType: "application/json");

        Assert.Equal(415, result.Http);
        Assert.Empty(await corpus.RowsOfCaseAsync("json"));
        await corpus.AssertWellBehavedClientWritesAsync("json");
    }

    private static FrameBatch Batch(string tag, ulong step, string? source = null, string phase = "vertical hold",
        string fieldKey = "altitude_m", string vehicle = "resilience")
    {
        // Each case its own source by default: the server drops a repeated (source, sequence) as a duplicate.
        var frame = Frames.Sample(source ?? $"corpus/wire/{tag}", step, "wire");
        frame.Tags[0].Value = vehicle;
        frame.Tags.Add(new Tag { Key = CorpusServer.CaseTag, Value = tag });
        frame.Fields[0].Key = fieldKey;
        frame.Fields[3].StringValue = phase;
        return new FrameBatch { BatchId = step, Frames = { frame } };
    }

    /// <summary>The batch's bytes with the first "@@@@" replaced by <paramref name="bytes"/> (same length).</summary>
    private static byte[] BreakUtf8(FrameBatch batch, byte[] bytes)
    {
        var payload = batch.ToByteArray();
        var at = payload.AsSpan().IndexOf("@@@@"u8);
        Assert.True(at >= 0);
        bytes.CopyTo(payload.AsSpan(at));
        return payload;
    }

    private static byte[] Compress(byte[] data, bool gzip)
    {
        using var output = new MemoryStream();
        using (Stream compressor = gzip ? new GZipStream(output, CompressionLevel.Fastest) : new ZLibStream(output, CompressionLevel.Fastest))
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] Corrupt(byte[] compressed)
    {
        var bytes = (byte[])compressed.Clone();
        for (var i = bytes.Length / 3; i < bytes.Length; i += 3)
        {
            bytes[i] ^= 0x5A;
        }
        return bytes;
    }
}
