using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Pipeline.Internal;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// Drains the spool to InfluxDB in order: reads committed records from the oldest segment on, hands them to the
/// InfluxDB writer (which batches, retries and isolates refused lines), and advances the confirmed position only
/// over a contiguous run of answered records, so a restart never skips one. A sealed segment is deleted once every
/// record in it is confirmed.
/// </summary>
internal sealed class SpoolForwarder
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);

    private readonly ILineSink _target;
    private readonly SpoolLedger _ledger;
    private readonly SpoolCounters _counters;
    private readonly Checkpoint _checkpoint;
    private readonly ByteGate _readAhead;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Queue<Entry> _inflight = new();
    private long _confirmedSegment;
    private long _confirmedOffset;
    private long _lastCheckpoint;
    private volatile string? _fault;

    /// <summary>Why forwarding stopped for good (a segment file vanished or could not be read), or null while it runs.</summary>
    public string? Fault => _fault;

    public SpoolForwarder(ILineSink target, SpoolLedger ledger, SpoolCounters counters, Checkpoint checkpoint,
        long maxForwardBytes, TimeProvider time, ILogger logger)
    {
        _target = target;
        _ledger = ledger;
        _counters = counters;
        _checkpoint = checkpoint;
        _readAhead = new ByteGate(maxForwardBytes);
        _time = time;
        _logger = logger;
    }

    /// <summary>Bytes read from the spool and not yet confirmed by InfluxDB.</summary>
    public long InFlightBytes => _readAhead.Used;

    /// <summary>Everything before this position is confirmed by InfluxDB.</summary>
    public (long SegmentId, long Offset) Confirmed
    {
        get
        {
            lock (_lock)
            {
                return (_confirmedSegment, _confirmedOffset);
            }
        }
    }

    /// <summary>Forwards from <paramref name="segmentId"/> at <paramref name="offset"/> until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(long segmentId, long offset, CancellationToken ct)
    {
        _confirmedSegment = segmentId;
        _confirmedOffset = offset;
        long? id = segmentId;
        try
        {
            while (id is { } current)
            {
                using (var reader = new SegmentReader(SegmentFiles.PathOf(_ledger.Directory, current), current, offset))
                {
                    while (true)
                    {
                        var (limit, sealedSegment) = _ledger.Position(current);
                        await reader.ReadAsync(limit, sealedSegment, r => ForwardAsync(r, ct),
                            d => _counters.Skipped(d.Length), ct).ConfigureAwait(false);
                        if (sealedSegment && reader.Offset >= limit)
                        {
                            Enqueue(new Entry(null, current, limit, Done: true));
                            break;
                        }
                        await _ledger.WaitForCommitAsync(ct).ConfigureAwait(false);
                    }
                }
                id = _ledger.NextAfter(current);
                offset = 0;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: what is not confirmed stays spooled.
        }
        catch (Exception error) when (error is SinkClosedException or ObjectDisposedException)
        {
            // The InfluxDB writer stopped under us (shutdown): the same.
        }
        catch (Exception error)
        {
            // Nothing is forwarded from here on (the records stay spooled): say so to health checks, not only the log.
            _fault = $"{error.GetType().Name}: {error.Message}";
            Log.ForwarderFailed(_logger, error);
        }
        lock (_lock)
        {
            _checkpoint.Write(_confirmedSegment, _confirmedOffset);
        }
        Log.ForwarderStopped(_logger, _confirmedSegment, _confirmedOffset, _ledger.TotalBytes);
    }

    private async ValueTask ForwardAsync(SpooledRecord record, CancellationToken ct)
    {
        try
        {
            await _readAhead.WaitAsync(record.RecordBytes, ct).ConfigureAwait(false);
        }
        catch
        {
            record.Dispose();
            throw;
        }
        var batch = new LineBatch(record.Lines, record.LineCount) { BatchId = record.BatchId, FrameIndexes = record.FrameIndexes };
        var entry = new Entry(record, record.SegmentId, record.EndOffset, Done: false);
        Enqueue(entry);
        // The record stays referenced by its entry until confirmed: the writer reads its memory until then.
        await _target.EnqueueAsync(batch, ct).ConfigureAwait(false);
        _ = batch.Written.ContinueWith(static (written, state) =>
        {
            var (self, entry) = ((SpoolForwarder, Entry))state!;
            self.OnWritten(entry, written);
        }, (this, entry), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Enqueue(Entry entry)
    {
        lock (_lock)
        {
            _inflight.Enqueue(entry);
            if (_inflight.Count == 1)
            {
                _counters.OldestUnconfirmedUnixNs = entry.Record?.AppendedUnixNs ?? 0;
            }
        }
        if (entry.Done)
        {
            Advance();
        }
    }

    private void OnWritten(Entry entry, Task<IReadOnlyList<LineDrop>> written)
    {
        if (!written.IsCompletedSuccessfully)
        {
            // Not written (the writer stopped): the record stays spooled; nothing after it is confirmed either.
            return;
        }
        _counters.Forwarded(entry.Record!.LineCount, written.Result.Count);
        entry.Done = true;
        Advance();
    }

    private void Advance()
    {
        List<long>? deletable = null;
        var checkpoint = false;
        lock (_lock)
        {
            while (_inflight.TryPeek(out var head) && head.Done)
            {
                _inflight.Dequeue();
                _confirmedSegment = head.SegmentId;
                _confirmedOffset = head.EndOffset;
                if (head.Record is { } record)
                {
                    _readAhead.Release(record.RecordBytes);
                    record.Dispose();
                }
                else
                {
                    (deletable ??= []).Add(head.SegmentId);
                    var next = _ledger.NextAfter(head.SegmentId) ?? head.SegmentId + 1;
                    _confirmedSegment = next;
                    _confirmedOffset = 0;
                    checkpoint = true;
                }
            }
            _counters.OldestUnconfirmedUnixNs = _inflight.TryPeek(out var oldest) ? oldest.Record?.AppendedUnixNs ?? 0 : 0;
            var now = _time.GetTimestamp();
            if (checkpoint || _time.GetElapsedTime(_lastCheckpoint, now) >= CheckpointInterval)
            {
                // The checkpoint moves past a segment before the segment is deleted: a crash between the two
                // leaves a confirmed segment that the next start deletes, never a checkpoint into a missing one.
                _checkpoint.Write(_confirmedSegment, _confirmedOffset);
                _lastCheckpoint = now;
            }
        }
        if (deletable is not null)
        {
            foreach (var id in deletable)
            {
                _ledger.Delete(id);
            }
        }
    }

    private sealed class Entry(SpooledRecord? record, long segmentId, long endOffset, bool Done)
    {
        public SpooledRecord? Record { get; } = record;

        public long SegmentId { get; } = segmentId;

        public long EndOffset { get; } = endOffset;

        public bool Done { get; set; } = Done;
    }
}
