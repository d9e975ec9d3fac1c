using System.Buffers;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline.Internal;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Turns one <see cref="WireBatch"/> into line protocol in pooled buffers, hands it to the sink, and builds the
/// batch's acknowledgement once the sink has written it. With a <see cref="SequenceTracker"/>, a frame that the same
/// client already made durable (same source, sequence and content) is not written again, and gaps and sender restarts
/// are written as points. Thread-safe; one instance serves every call.
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
    /// Validates and encodes <paramref name="batch"/>, sent by <paramref name="client"/> (the name duplicates are
    /// tracked under: a client's frames never suppress another's), and waits until the sink has room for it
    /// (backpressure). The returned task completes with the ack once every valid frame has been written; it faults
    /// when the sink stopped before writing them (<see cref="SinkClosedException"/>), in which case nothing of the
    /// batch is acknowledged. The caller keeps <paramref name="batch"/> (undisposed) until the returned task has completed.
    /// </summary>
    public async ValueTask<Task<BatchAck>> SubmitAsync(WireBatch batch, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(client);
        var count = batch.Count;
        if (count > _limits.MaxFramesPerBatch)
        {
            return Task.FromResult(AckBuilder.Refused(batch.BatchId,
                $"batch has {count} frames; the limit is {_limits.MaxFramesPerBatch} (Ingest:MaxFramesPerBatch)"));
        }

        var marks = _sequences is null || batch.Untracked ? null : new Marks(count);
        SequenceEvents? events = null;
        var duplicates = marks is null ? 0 : _sequences!.Admit(batch, client, marks.Fingerprints, marks.Duplicate, ref events);
        var bytes = new PooledBufferWriter<byte>(count * BytesPerFrameGuess);
        var lineFrames = new PooledBufferWriter<int>(count);
        List<FrameRejection>? rejections = null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (marks is not null && marks.Duplicate[i])
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
            if (events is not null)
            {
                await WriteEventsAsync(events, cancellationToken).ConfigureAwait(false);
            }

            if (lineFrames.WrittenCount == 0)
            {
                bytes.Dispose();
                lineFrames.Dispose();
                marks?.Dispose();
                return Task.FromResult(AckBuilder.Written(batch.BatchId, _sink.Durability, 0, duplicates, events, rejections, [], default));
            }

            var lines = new LineBatch(bytes.WrittenMemory, lineFrames.WrittenCount)
            {
                BatchId = batch.BatchId,
                FrameIndexes = lineFrames.WrittenMemory,
            };
            await _sink.EnqueueAsync(lines, cancellationToken).ConfigureAwait(false);
            return CompleteAsync(batch, client, lines, bytes, lineFrames, marks, duplicates, events, rejections);
        }
        catch
        {
            marks?.Dispose();
            bytes.Dispose();
            lineFrames.Dispose();
            throw;
        }
    }

    private async Task<BatchAck> CompleteAsync(
        WireBatch batch, string client, LineBatch lines, PooledBufferWriter<byte> bytes, PooledBufferWriter<int> lineFrames,
        Marks? marks, int duplicates, SequenceEvents? events, List<FrameRejection>? rejections)
    {
        try
        {
            // A frame is remembered only once durable: a batch that fails or is cancelled leaves no mark, so its
            // resend is written, never taken for a duplicate.
            var drops = await lines.Written.ConfigureAwait(false);
            if (marks is not null)
            {
                foreach (var drop in drops)
                {
                    marks.Fingerprints[lineFrames.WrittenSpan[drop.LineIndex]] = 0;
                }
                _sequences!.Commit(batch, client, marks.Fingerprints, lineFrames.WrittenSpan);
            }
            return AckBuilder.Written(batch.BatchId, _sink.Durability, lines.LineCount, duplicates, events, rejections, drops, lineFrames.WrittenSpan);
        }
        finally
        {
            marks?.Dispose();
            bytes.Dispose();
            lineFrames.Dispose();
        }
    }

    /// <summary>Writes one point per gap and per reset to the gap measurement, through the same sink (durable like the data).</summary>
    private async ValueTask WriteEventsAsync(SequenceEvents events, CancellationToken cancellationToken)
    {
        var bytes = new PooledBufferWriter<byte>((events.Gaps.Count + events.Resets.Count) * BytesPerFrameGuess);
        var count = 0;
        foreach (var gap in events.Gaps)
        {
            count += Encode(bytes, gap.Source, gap.TimestampNs,
                ("first_missing", gap.FirstMissing), ("last_missing", gap.LastMissing), ("missing", gap.Missing));
        }
        foreach (var reset in events.Resets)
        {
            count += Encode(bytes, reset.Source, reset.TimestampNs, ("reset_from", reset.From), ("reset_to", reset.To));
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

    /// <summary>Encodes one point of the gap measurement with integer fields; 1 when it was encoded.</summary>
    private int Encode(PooledBufferWriter<byte> bytes, string source, long timestampNs, params ReadOnlySpan<(string Key, ulong Value)> fields)
    {
        var point = new Frame { Source = source, Measurement = _sequences!.GapMeasurement, TimestampNs = timestampNs };
        foreach (var (key, value) in fields)
        {
            point.Fields.Add(new Field { Key = key, IntValue = unchecked((long)value) });
        }
        return _encoder.TryEncode(point, bytes, out _) ? 1 : 0;
    }

    /// <summary>A tracked batch's duplicate flags and fingerprints, in pooled arrays.</summary>
    private sealed class Marks : IDisposable
    {
        private readonly int _count;
        private bool[]? _duplicate;
        private ulong[]? _fingerprints;

        public Marks(int count)
        {
            _count = count;
            _duplicate = ArrayPool<bool>.Shared.Rent(Math.Max(count, 1));
            _fingerprints = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
            Array.Clear(_duplicate, 0, count);
        }

        public Span<bool> Duplicate => _duplicate.AsSpan(0, _count);

        public Span<ulong> Fingerprints => _fingerprints.AsSpan(0, _count);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _duplicate, null) is { } duplicate)
            {
                ArrayPool<bool>.Shared.Return(duplicate);
                ArrayPool<ulong>.Shared.Return(_fingerprints!);
                _fingerprints = null;
            }
        }
    }
}
