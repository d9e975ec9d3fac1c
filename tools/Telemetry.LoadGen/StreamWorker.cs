using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>
/// One bidirectional stream: sends its share of the frames with a bounded window of unacked batches. When the call
/// fails (the server restarted, shut down or refused for a full spool) it reconnects with backoff and first resends
/// every batch not yet acknowledged: at-least-once, made exact by the server's duplicate window and by InfluxDB
/// overwriting identical points.
/// </summary>
internal sealed class StreamWorker
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly LoadOptions _options;
    private readonly BatchSource _batches;
    private readonly LoadCounters _counters;
    private readonly Dictionary<ulong, Unacked> _unacked = [];
    private SemaphoreSlim _window;

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
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await RunCallAsync(invoker, stop);
                return;
            }
            catch (RpcException e) when (!stop.IsCancellationRequested && e.StatusCode is StatusCode.Unavailable
                or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Unknown)
            {
                _counters.AddReconnect(e.Status.Detail);
                try
                {
                    await Task.Delay(backoff, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task RunCallAsync(CallInvoker invoker, CancellationToken stop)
    {
        var headers = _options.ApiKey is { } key ? new Metadata { { "authorization", $"Bearer {key}" } } : null;
        using var call = invoker.AsyncDuplexStreamingCall(RawIngestMethod.Stream, null, new CallOptions(headers));
        var reader = ReadAcksAsync(call.ResponseStream);
        List<(ulong Id, Unacked Batch)> resend;
        lock (_unacked)
        {
            resend = [.. _unacked.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value))];
        }
        // A new window: acks of the old call will never come.
        _window = new SemaphoreSlim(Math.Max(0, _options.InFlight - resend.Count), _options.InFlight);
        foreach (var (id, batch) in resend)
        {
            lock (_unacked)
            {
                _unacked[id] = batch with { SentAt = Stopwatch.GetTimestamp() };
            }
            await WriteAsync(call, batch.Bytes, reader);
            _counters.AddResent(batch.Frames);
        }
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
            lock (_unacked)
            {
                _unacked[batchId] = new Unacked(bytes, frames, Stopwatch.GetTimestamp());
            }
            _counters.AddSent(frames);
            sent += frames;
            await WriteAsync(call, bytes, reader);
        }
        await call.RequestStream.CompleteAsync();
        await reader;
    }

    /// <summary>Writes a batch; when the call failed, surfaces its status (from the ack reader when it has one).</summary>
    private static async Task WriteAsync(AsyncDuplexStreamingCall<byte[], BatchAck> call, byte[] bytes, Task reader)
    {
        try
        {
            await call.RequestStream.WriteAsync(bytes, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or RpcException)
        {
            await reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(static _ => { }, TaskScheduler.Default);
            if (reader.Exception?.InnerException is RpcException status)
            {
                throw status;
            }
            throw e as RpcException ?? new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
    }

    private async Task ReadAcksAsync(IAsyncStreamReader<BatchAck> acks)
    {
        await foreach (var ack in acks.ReadAllAsync())
        {
            Unacked? batch;
            lock (_unacked)
            {
                _unacked.Remove(ack.BatchId, out batch);
            }
            if (batch is null)
            {
                continue;
            }
            Latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(batch.SentAt).TotalMicroseconds));
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

    /// <summary>A batch sent and not yet acknowledged, kept for a resend after a reconnect.</summary>
    private sealed record Unacked(byte[] Bytes, int Frames, long SentAt);
}
