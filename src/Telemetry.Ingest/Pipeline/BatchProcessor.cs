using System.Buffers;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline.Internal;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Turns one <see cref="WireBatch"/> into line protocol in pooled buffers, hands it to the sink, and builds the
/// batch's acknowledgement once the sink has written it. With a <see cref="SequenceTracker"/>, frames already kept
/// under the same (source, sequence) are dropped as duplicates and gaps are written as points. Thread-safe; one
/// instance serves every call.
/// </summary>
public sealed class BatchProcessor
{
    /// <summary>Bytes reserved per frame before the first encode; the buffer grows when frames are larger.</summary>
    private const int BytesPerFrameGuess = 160;

    private readonly FrameEncoder _encoder;
    private readonly ILineSink _sink;
    private readonly IngestLimits _limits;
    private readonly SequenceTracker? _sequences;

    /// <summary>
    /// Creates a processor that encodes with <paramref name="encoder"/> and writes to <paramref name="sink"/>;
    /// <paramref name="sequences"/> (optional) tracks duplicates and gaps.
    /// </summary>
    public BatchProcessor(FrameEncoder encoder, ILineSink sink, IngestLimits limits, SequenceTracker? sequences = null)
    {
        _encoder = encoder;
        _sink = sink;
        _limits = limits;
        _sequences = sequences is { Enabled: true } ? sequences : null;
    }

    /// <summary>
    /// Validates and encodes <paramref name="batch"/> and waits until the sink has room for it (backpressure).
    /// The returned task completes with the ack once every valid frame has been written; it faults when the sink
    /// stopped before writing them (<see cref="SinkClosedException"/>), in which case nothing of the batch is acknowledged.
    /// The caller keeps <paramref name="batch"/> (undisposed) until the returned task has completed.
    /// </summary>
    public async ValueTask<Task<BatchAck>> SubmitAsync(WireBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var count = batch.Count;
        if (count > _limits.MaxFramesPerBatch)
        {
            return Task.FromResult(AckBuilder.Refused(batch.BatchId,
                $"batch has {count} frames; the limit is {_limits.MaxFramesPerBatch} (Ingest:MaxFramesPerBatch)"));
        }

        var sequences = batch.Untracked ? null : _sequences;
        // Only a tracked batch can hold duplicates: the others need no marks.
        var duplicate = sequences is null ? [] : ArrayPool<bool>.Shared.Rent(Math.Max(count, 1));
        Array.Clear(duplicate, 0, sequences is null ? 0 : count);
        List<SequenceGap>? gaps = null;
        var duplicates = sequences?.Admit(batch, duplicate.AsSpan(0, count), ref gaps) ?? 0;
        var bytes = new PooledBufferWriter<byte>(count * BytesPerFrameGuess);
        var lineFrames = new PooledBufferWriter<int>(count);
        List<FrameRejection>? rejections = null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (sequences is not null && duplicate[i])
                {
                    continue;
                }
                if (_encoder.TryEncode(batch, i, bytes, out var rejection))
                {
                    lineFrames.Add(i);
                }
                else
                {
                    (rejections ??= []).Add(new FrameRejection { Index = (uint)i, Code = rejection.Code, Reason = rejection.Reason });
                }
            }
            if (gaps is not null)
            {
                await WriteGapsAsync(gaps, cancellationToken).ConfigureAwait(false);
            }

            if (lineFrames.WrittenCount == 0)
            {
                bytes.Dispose();
                lineFrames.Dispose();
                ReturnMarks(duplicate);
                return Task.FromResult(AckBuilder.Written(batch.BatchId, _sink.Durability, 0, duplicates, rejections, [], default));
            }

            var lines = new LineBatch(bytes.WrittenMemory, lineFrames.WrittenCount)
            {
                BatchId = batch.BatchId,
                FrameIndexes = lineFrames.WrittenMemory,
            };
            await _sink.EnqueueAsync(lines, cancellationToken).ConfigureAwait(false);
            return CompleteAsync(batch, lines, bytes, lineFrames, duplicate, duplicates, rejections);
        }
        catch
        {
            sequences?.Release(batch, duplicate.AsSpan(0, count));
            ReturnMarks(duplicate);
            bytes.Dispose();
            lineFrames.Dispose();
            throw;
        }
    }

    private async Task<BatchAck> CompleteAsync(
        WireBatch batch, LineBatch lines, PooledBufferWriter<byte> bytes, PooledBufferWriter<int> lineFrames,
        bool[] duplicate, int duplicates, List<FrameRejection>? rejections)
    {
        try
        {
            var drops = await lines.Written.ConfigureAwait(false);
            return AckBuilder.Written(batch.BatchId, _sink.Durability, lines.LineCount, duplicates, rejections, drops, lineFrames.WrittenSpan);
        }
        catch
        {
            // Not kept: a resend of these frames must be written, not taken for a duplicate.
            if (!batch.Untracked)
            {
                _sequences?.Release(batch, duplicate.AsSpan(0, batch.Count));
            }
            throw;
        }
        finally
        {
            ReturnMarks(duplicate);
            bytes.Dispose();
            lineFrames.Dispose();
        }
    }

    private static void ReturnMarks(bool[] duplicate)
    {
        if (duplicate.Length > 0)
        {
            ArrayPool<bool>.Shared.Return(duplicate);
        }
    }

    /// <summary>Writes one point per gap to the gap measurement, through the same sink (durable like the data).</summary>
    private async ValueTask WriteGapsAsync(List<SequenceGap> gaps, CancellationToken cancellationToken)
    {
        var bytes = new PooledBufferWriter<byte>(gaps.Count * BytesPerFrameGuess);
        var count = 0;
        foreach (var gap in gaps)
        {
            var point = new Frame
            {
                Source = gap.Source,
                Measurement = _sequences!.GapMeasurement,
                TimestampNs = gap.TimestampNs,
                Fields =
                {
                    new Field { Key = "first_missing", IntValue = unchecked((long)gap.FirstMissing) },
                    new Field { Key = "last_missing", IntValue = unchecked((long)gap.LastMissing) },
                    new Field { Key = "missing", IntValue = unchecked((long)(gap.LastMissing - gap.FirstMissing + 1)) },
                },
            };
            count += _encoder.TryEncode(point, bytes, out _) ? 1 : 0;
        }
        if (count == 0)
        {
            bytes.Dispose();
            return;
        }
        var lines = new LineBatch(bytes.WrittenMemory, count);
        try
        {
            await _sink.EnqueueAsync(lines, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
        _ = lines.Written.ContinueWith(static (_, state) => ((PooledBufferWriter<byte>)state!).Dispose(), bytes,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
