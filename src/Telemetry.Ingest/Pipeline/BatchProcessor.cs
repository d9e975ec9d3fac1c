using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline.Internal;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Turns one <see cref="FrameBatch"/> into line protocol in pooled buffers, hands it to the sink, and builds the
/// batch's acknowledgement once the sink has written it. Thread-safe; one instance serves every call.
/// </summary>
public sealed class BatchProcessor
{
    /// <summary>Bytes reserved per frame before the first encode; the buffer grows when frames are larger.</summary>
    private const int BytesPerFrameGuess = 160;

    private readonly FrameEncoder _encoder;
    private readonly ILineSink _sink;
    private readonly IngestLimits _limits;

    /// <summary>Creates a processor that encodes with <paramref name="encoder"/> and writes to <paramref name="sink"/>.</summary>
    public BatchProcessor(FrameEncoder encoder, ILineSink sink, IngestLimits limits)
    {
        _encoder = encoder;
        _sink = sink;
        _limits = limits;
    }

    /// <summary>
    /// Validates and encodes <paramref name="batch"/> and waits until the sink has room for it (backpressure).
    /// The returned task completes with the ack once every valid frame has been written; it faults when the sink
    /// stopped before writing them (<see cref="SinkClosedException"/>), in which case nothing of the batch is acknowledged.
    /// </summary>
    public async ValueTask<Task<BatchAck>> SubmitAsync(FrameBatch batch, CancellationToken cancellationToken)
    {
        var frames = batch.Frames;
        if (frames.Count > _limits.MaxFramesPerBatch)
        {
            return Task.FromResult(AckBuilder.Refused(batch.BatchId,
                $"batch has {frames.Count} frames; the limit is {_limits.MaxFramesPerBatch} (Ingest:MaxFramesPerBatch)"));
        }

        var bytes = new PooledBufferWriter<byte>(frames.Count * BytesPerFrameGuess);
        var lineFrames = new PooledBufferWriter<int>(frames.Count);
        List<FrameRejection>? rejections = null;
        try
        {
            for (var i = 0; i < frames.Count; i++)
            {
                if (_encoder.TryEncode(frames[i], bytes, out var rejection))
                {
                    lineFrames.Add(i);
                }
                else
                {
                    (rejections ??= []).Add(new FrameRejection { Index = (uint)i, Code = rejection.Code, Reason = rejection.Reason });
                }
            }

            if (lineFrames.WrittenCount == 0)
            {
                bytes.Dispose();
                lineFrames.Dispose();
                return Task.FromResult(AckBuilder.Written(batch.BatchId, _sink.Durability, 0, rejections, [], default));
            }

            var lines = new LineBatch(bytes.WrittenMemory, lineFrames.WrittenCount)
            {
                BatchId = batch.BatchId,
                FrameIndexes = lineFrames.WrittenMemory,
            };
            await _sink.EnqueueAsync(lines, cancellationToken).ConfigureAwait(false);
            return CompleteAsync(batch.BatchId, _sink.Durability, lines, bytes, lineFrames, rejections);
        }
        catch
        {
            bytes.Dispose();
            lineFrames.Dispose();
            throw;
        }
    }

    private static async Task<BatchAck> CompleteAsync(
        ulong batchId, AckDurability durability, LineBatch lines, PooledBufferWriter<byte> bytes, PooledBufferWriter<int> lineFrames,
        List<FrameRejection>? rejections)
    {
        try
        {
            var drops = await lines.Written.ConfigureAwait(false);
            return AckBuilder.Written(batchId, durability, lines.LineCount, rejections, drops, lineFrames.WrittenSpan);
        }
        finally
        {
            bytes.Dispose();
            lineFrames.Dispose();
        }
    }
}
