using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>One bidirectional stream: sends its share of the frames with a bounded window of unacked batches.</summary>
internal sealed class StreamWorker
{
    private readonly LoadOptions _options;
    private readonly BatchSource _batches;
    private readonly LoadCounters _counters;
    private readonly Dictionary<ulong, long> _sentAt = [];
    private readonly SemaphoreSlim _window;

    public StreamWorker(LoadOptions options, int index, long frames, LoadCounters counters)
    {
        _options = options;
        _batches = new BatchSource(options, $"{options.SourcePrefix}/{index}", frames, options.Prepare);
        _counters = counters;
        _window = new SemaphoreSlim(options.InFlight, options.InFlight);
    }

    /// <summary>Ack latencies of this stream, in microseconds.</summary>
    public LongHistogram Latency { get; } = new(1, 60_000_000, 3);

    public async Task RunAsync(CallInvoker invoker, CancellationToken stop)
    {
        var headers = _options.ApiKey is { } key ? new Metadata { { "authorization", $"Bearer {key}" } } : null;
        using var call = invoker.AsyncDuplexStreamingCall(RawIngestMethod.Stream, null, new CallOptions(headers));
        var reader = ReadAcksAsync(call.ResponseStream);
        var perStreamRate = _options.Rate / _options.Streams;
        var started = Stopwatch.GetTimestamp();
        long sent = 0;
        while (!stop.IsCancellationRequested && _batches.TryNext(out var bytes, out var batchId, out var frames))
        {
            try
            {
                await _window.WaitAsync(stop);
                if (perStreamRate > 0)
                {
                    await PaceAsync(started, sent, perStreamRate, stop);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            lock (_sentAt)
            {
                _sentAt[batchId] = Stopwatch.GetTimestamp();
            }
            await call.RequestStream.WriteAsync(bytes, CancellationToken.None);
            _counters.AddSent(frames);
            sent += frames;
        }
        await call.RequestStream.CompleteAsync();
        await reader;
    }

    private async Task ReadAcksAsync(IAsyncStreamReader<BatchAck> acks)
    {
        await foreach (var ack in acks.ReadAllAsync())
        {
            long sentAt;
            lock (_sentAt)
            {
                _sentAt.Remove(ack.BatchId, out sentAt);
            }
            Latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(sentAt).TotalMicroseconds));
            _counters.AddAck(ack);
            _window.Release();
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
