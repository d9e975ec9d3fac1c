using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using HdrHistogram;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>One bidirectional stream: sends its share of the frames with a bounded window of unacked batches.</summary>
internal sealed class StreamWorker
{
    private readonly LoadOptions _options;
    private readonly string _source;
    private readonly long _frames;
    private readonly LoadCounters _counters;
    private readonly Dictionary<ulong, (FrameBatch Batch, long SentTicks)> _inFlight = [];
    private readonly Channel<FrameBatch> _free;

    public StreamWorker(LoadOptions options, int index, long frames, LoadCounters counters)
    {
        _options = options;
        _source = $"{options.SourcePrefix}/{index}";
        _frames = frames;
        _counters = counters;
        _free = Channel.CreateBounded<FrameBatch>(options.InFlight);
        for (var i = 0; i < options.InFlight; i++)
        {
            _free.Writer.TryWrite(BatchFactory.Create(options, _source));
        }
    }

    /// <summary>Ack latencies of this stream, in microseconds.</summary>
    public LongHistogram Latency { get; } = new(1, 60_000_000, 3);

    public async Task RunAsync(IngestService.IngestServiceClient client, CancellationToken stop)
    {
        using var call = client.Stream(cancellationToken: CancellationToken.None);
        var reader = ReadAcksAsync(call.ResponseStream);
        var perStreamRate = _options.Rate / _options.Streams;
        var started = Stopwatch.GetTimestamp();
        long sequence = 1;
        ulong batchId = 0;
        while (sequence <= _frames && !stop.IsCancellationRequested)
        {
            FrameBatch batch;
            try
            {
                batch = await _free.Reader.ReadAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var count = (int)Math.Min(_options.BatchSize, _frames - sequence + 1);
            BatchFactory.Refresh(batch, ++batchId, sequence, count, _options.StartNs);
            if (perStreamRate > 0)
            {
                await PaceAsync(started, sequence - 1, perStreamRate, stop);
            }
            lock (_inFlight)
            {
                _inFlight[batchId] = (batch, Stopwatch.GetTimestamp());
            }
            await call.RequestStream.WriteAsync(batch, CancellationToken.None);
            _counters.AddSent(count);
            sequence += count;
        }
        await call.RequestStream.CompleteAsync();
        await reader;
    }

    private async Task ReadAcksAsync(IAsyncStreamReader<BatchAck> acks)
    {
        await foreach (var ack in acks.ReadAllAsync())
        {
            (FrameBatch Batch, long SentTicks) entry;
            lock (_inFlight)
            {
                _inFlight.Remove(ack.BatchId, out entry);
            }
            Latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(entry.SentTicks).TotalMicroseconds));
            _counters.AddAck(ack);
            _free.Writer.TryWrite(entry.Batch);
        }
    }

    private static async Task PaceAsync(long started, long framesSoFar, double rate, CancellationToken stop)
    {
        var due = TimeSpan.FromSeconds(framesSoFar / rate) - Stopwatch.GetElapsedTime(started);
        if (due > TimeSpan.FromMilliseconds(1))
        {
            try
            {
                await Task.Delay(due, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
