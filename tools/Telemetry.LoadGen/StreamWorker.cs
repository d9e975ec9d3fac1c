using System.Diagnostics;
using System.Runtime.CompilerServices;
using Grpc.Core;
using HdrHistogram;
using Telemetry.Client;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>
/// One bidirectional stream: sends its share of the frames, paced, through a <see cref="ResendingStream{TBatch}"/>
/// (a bounded window of unacked batches; reconnect with backoff and resend of every unacknowledged batch when the
/// server restarts, shuts down or refuses for a full spool), and records each ack's latency.
/// </summary>
internal sealed class StreamWorker : IIngestStreamObserver<byte[]>
{
    private readonly LoadOptions _options;
    private readonly BatchSource _batches;
    private readonly LoadCounters _counters;

    public StreamWorker(LoadOptions options, int index, long frames, LoadCounters counters, CancellationToken stop)
    {
        _options = options;
        _batches = new BatchSource(options, $"{options.SourcePrefix}/{index}", frames, options.Prepare, stop);
        _counters = counters;
    }

    /// <summary>Ack latencies of this stream, in microseconds.</summary>
    public LongHistogram Latency { get; } = new(1, 60_000_000, 3);

    /// <summary>Why the stream ended before every batch was acknowledged, or null.</summary>
    public string? Failure { get; private set; }

    public async Task RunAsync(CallInvoker invoker, CancellationToken stop)
    {
        var stream = new ResendingStream<byte[]>(
            invoker, IngestMethods.RawStream, new IngestStreamOptions { MaxInFlight = _options.InFlight, ApiKey = _options.ApiKey }, this);
        var result = await stream.SendAsync(BatchesAsync(stop), stop);
        Failure = result.Failure;
    }

    public void OnAcknowledged(in OutgoingBatch<byte[]> batch, BatchAck ack, TimeSpan latency)
    {
        // One ack reader at a time (calls follow one another), so the histogram is written by one thread.
        Latency.RecordValue(Math.Max(1, (long)latency.TotalMicroseconds));
        _counters.AddAck(ack);
    }

    public void OnUnexpectedAck(BatchAck ack)
    {
    }

    public void OnReconnecting(Status status) => _counters.AddReconnect($"{status.StatusCode}: {status.Detail}");

    public void OnResent(in OutgoingBatch<byte[]> batch) => _counters.AddResent(batch.Frames);

    private async IAsyncEnumerable<OutgoingBatch<byte[]>> BatchesAsync([EnumeratorCancellation] CancellationToken stop)
    {
        var perStreamRate = _options.Rate / _options.Streams;
        var started = Stopwatch.GetTimestamp();
        long sent = 0;
        while (_batches.TryNext(out var bytes, out var batchId, out var frames))
        {
            if (perStreamRate > 0)
            {
                await PaceAsync(started, sent, perStreamRate, stop);
            }

            _counters.AddSent(frames);
            sent += frames;
            yield return new OutgoingBatch<byte[]>(batchId, frames, bytes);
        }
    }

    private static async Task PaceAsync(long started, long framesSoFar, double rate, CancellationToken stop)
    {
        var due = TimeSpan.FromSeconds(framesSoFar / rate) - Stopwatch.GetElapsedTime(started);
        if (due > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(due, stop);
        }
    }
}
