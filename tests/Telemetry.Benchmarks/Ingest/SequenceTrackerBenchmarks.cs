using System.Buffers;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Wire;

namespace Telemetry.Benchmarks.Ingest;

/// <summary>
/// The sequence tracker's cost: the batch processor with and without it (500-frame batches of new frames of one
/// source, reported per frame, null sink), and one batch of 100,000 frames from 100,000 new sources admitted into a
/// tracker that holds at most 10,000 (90,000 evictions).
/// </summary>
public class SequenceTrackerBenchmarks
{
    private const int Frames = 500;
    private const int Batches = 64;
    private const int NewSources = 100_000;

    private readonly BatchProcessor _untracked =
        new(new FrameEncoder(new FrameEncoderOptions()), new NullLineSink(), new IngestLimits(100_000));
    private readonly BatchProcessor _tracked =
        new(new FrameEncoder(new FrameEncoderOptions()), new NullLineSink(), new IngestLimits(100_000),
            new SequenceTracker(Options.Create(new SequenceOptions())));
    private readonly byte[][] _messages = new byte[Batches][];
    private WireBatch? _sources;
    private int _next;
    private ulong _sequence;

    /// <summary>Serializes the batches once: consecutive sequences, more of them than the window remembers, so every frame is new.</summary>
    /// <summary>The batch of 100,000 new sources, built once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var many = new FrameBatch();
        many.Frames.AddRange(BenchmarkFrames.Create(NewSources).Select((f, i) => { f.Source = $"src/{i}"; f.Sequence = 1; return f; }));
        _sources = WireBatch.From(many);
    }

    /// <summary>
    /// Before each iteration (of <see cref="Batches"/> invocations): the next batches, their sequences continuing from
    /// the last iteration's and their timestamps with them, so every frame is new to the tracker (steady state).
    /// </summary>
    [IterationSetup(Targets = [nameof(Untracked), nameof(Tracked)])]
    public void NextBatches()
    {
        var frames = BenchmarkFrames.Create(Frames * Batches);
        for (var b = 0; b < Batches; b++)
        {
            var batch = new FrameBatch { BatchId = (ulong)b };
            foreach (var frame in frames.Skip(b * Frames).Take(Frames))
            {
                frame.Sequence = ++_sequence;
                frame.TimestampNs += (long)_sequence * 10_000_000L;
                batch.Frames.Add(frame);
            }
            _messages[b] = batch.ToByteArray();
        }
        _next = 0;
    }

    [GlobalCleanup]
    public void Cleanup() => _sources?.Dispose();

    /// <summary>Read, validate, encode and ack without sequence tracking.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Frames)]
    [InvocationCount(Batches)]
    public Task<uint> Untracked() => ProcessAsync(_untracked);

    /// <summary>The same with the tracker: fingerprint, admission, and the commit once "durable".</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    [InvocationCount(Batches)]
    public Task<uint> Tracked() => ProcessAsync(_tracked);

    /// <summary>100,000 new sources in one batch, against at most 10,000 tracked: admission alone.</summary>
    [Benchmark]
    public int AdmitNewSources()
    {
        var tracker = new SequenceTracker(Options.Create(new SequenceOptions { MaxSources = 10_000 }));
        var fingerprints = ArrayPool<ulong>.Shared.Rent(NewSources);
        var duplicate = ArrayPool<bool>.Shared.Rent(NewSources);
        try
        {
            SequenceEvents? events = null;
            return tracker.Admit(_sources!, "bench", fingerprints.AsSpan(0, NewSources), duplicate.AsSpan(0, NewSources), ref events);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(fingerprints);
            ArrayPool<bool>.Shared.Return(duplicate);
        }
    }

    private async Task<uint> ProcessAsync(BatchProcessor processor)
    {
        var message = _messages[_next++];
        using var batch = WireBatch.Parse(new ReadOnlySequence<byte>(message));
        var pending = await processor.SubmitAsync(batch, "bench", CancellationToken.None);
        return (await pending).WrittenCount;
    }
}
