using System.Buffers;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Wire;

namespace Telemetry.Benchmarks.Ingest;

/// <summary>
/// The server's work per batch of 500 frames, reported per frame: parsing the protobuf message (the floor every
/// handler pays, the "raw gRPC" ceiling's parse), and parsing plus validation, encoding into pooled buffers, the
/// null sink and the ack (what the ingest service does before InfluxDB). gRPC framing and HTTP/2 are not included.
/// </summary>
public class BatchProcessorBenchmarks
{
    private const int Frames = 500;

    private readonly BatchProcessor _processor =
        new(new FrameEncoder(new FrameEncoderOptions()), new NullLineSink(), new IngestLimits(100_000));
    private byte[] _message = [];

    /// <summary>Serializes one batch once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var batch = new FrameBatch { BatchId = 1 };
        batch.Frames.AddRange(BenchmarkFrames.Create(Frames));
        _message = batch.ToByteArray();
    }

    /// <summary>Protobuf parsing alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Frames)]
    public int Parse() => FrameBatch.Parser.ParseFrom(_message).Frames.Count;

    /// <summary>The server's read of a message: bytes copied into pooled arrays and indexed, no message objects.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int WireParse()
    {
        using var batch = WireBatch.Parse(new ReadOnlySequence<byte>(_message));
        return batch.Count;
    }

    /// <summary>The server's read of a message, then the batch processor into the null sink, up to the ack.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public async Task<uint> ParseAndProcess()
    {
        using var batch = WireBatch.Parse(new ReadOnlySequence<byte>(_message));
        var pending = await _processor.SubmitAsync(batch, "bench", CancellationToken.None);
        var ack = await pending;
        return ack.WrittenCount;
    }
}
