using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Influx.Internal;
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
    private static readonly Backoff RetryBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

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
    private volatile string? _retrying;
    private int _retryingEntries;
    private bool _checkpointFailing;
    private CancellationToken _stopping;

    /// <summary>
    /// Why forwarding stopped for good (a segment file vanished or could not be read), or why it is retrying a batch
    /// the InfluxDB writer failed (nothing after it is confirmed meanwhile); null while it runs.
    /// </summary>
    public string? Fault => _fault ?? _retrying;

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
        _stopping = ct;
        long? id = segmentId;
        try
        {
            while (id is { } current)
            {
                if (!_ledger.Knows(current))
                {
                    // Not created yet (the writer could not open it at start): wait for the first segment it opens.
                    await _ledger.WaitForCommitAsync(ct).ConfigureAwait(false);
                    id = _ledger.NextAfter(current - 1) ?? current;
                    offset = id == current ? offset : 0;
                    continue;
                }
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
            _fault = $"stopped: {DiskError.Describe(error)}; acknowledged batches stay spooled and are forwarded after a restart";
            Log.ForwarderFailed(_logger, error);
        }
        lock (_lock)
        {
            TryWriteCheckpoint();
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
        var entry = new Entry(record, record.SegmentId, record.EndOffset, Done: false);
        Enqueue(entry);
        await SendAsync(entry, ct).ConfigureAwait(false);
    }

    /// <summary>Hands the entry's record to the InfluxDB writer; the record stays referenced by its entry until confirmed.</summary>
    private async ValueTask SendAsync(Entry entry, CancellationToken ct)
    {
        var record = entry.Record!;
        var batch = new LineBatch(record.Lines, record.LineCount) { BatchId = record.BatchId, FrameIndexes = record.FrameIndexes };
        await _target.EnqueueAsync(batch, ct).ConfigureAwait(false);
        _ = batch.Written.ContinueWith(static (written, state) =>
        {
            var (self, entry) = ((SpoolForwarder, Entry))state!;
            self.OnWritten(entry, written);
        }, (this, entry), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The InfluxDB writer failed a batch while not stopping (an unexpected error: InfluxDB's own failures are retried
    /// inside it): send it again with backoff, reported as <see cref="Fault"/> until a batch is confirmed again.
    /// </summary>
    private async Task RetryAsync(Entry entry, Exception error)
    {
        if (entry.Attempts == 0)
        {
            Interlocked.Increment(ref _retryingEntries);
        }
        while (!_stopping.IsCancellationRequested)
        {
            entry.Attempts++;
            var delay = RetryBackoff.Delay(entry.Attempts, null);
            _retrying = $"retrying batch {entry.Record!.BatchId} (attempt {entry.Attempts}) that the InfluxDB writer failed: " +
                $"{error.GetType().Name}: {error.Message}; nothing after it is confirmed meanwhile";
            Log.ForwardRetrying(_logger, entry.Record.BatchId, entry.Attempts, delay, error);
            try
            {
                await Task.Delay(delay, _time, _stopping).ConfigureAwait(false);
                await SendAsync(entry, _stopping).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (IsStopping(e))
            {
                return;
            }
            catch (Exception e)
            {
                error = e;
            }
        }
    }

    private bool IsStopping(Exception error) =>
        _stopping.IsCancellationRequested || error is SinkClosedException or ObjectDisposedException;

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
            var error = written.Exception?.InnerException ?? new OperationCanceledException();
            if (!IsStopping(error) && error is not OperationCanceledException)
            {
                _ = RetryAsync(entry, error);
            }
            // Otherwise the writer stopped: the record stays spooled; nothing after it is confirmed either.
            return;
        }
        if (entry.Attempts > 0 && Interlocked.Decrement(ref _retryingEntries) == 0)
        {
            // Only once every batch that failed is confirmed: later batches confirmed meanwhile do not clear it.
            _retrying = null;
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
                TryWriteCheckpoint();
                _lastCheckpoint = now;
            }
        }
        if (deletable is not null)
        {
            foreach (var id in deletable)
            {
                try
                {
                    _ledger.Delete(id);
                }
                catch (Exception error)
                {
                    // Confirmed and behind the checkpoint: the next start deletes it.
                    Log.CheckpointFailed(_logger, SegmentFiles.PathOf(_ledger.Directory, id), DiskError.Describe(error));
                }
            }
        }
    }

    /// <summary>Saves the confirmed position; a failing disk only costs resends after a restart, so it never stops forwarding.</summary>
    private void TryWriteCheckpoint()
    {
        try
        {
            _checkpoint.Write(_confirmedSegment, _confirmedOffset);
            _checkpointFailing = false;
        }
        catch (Exception error)
        {
            if (!_checkpointFailing)
            {
                _checkpointFailing = true;
                Log.CheckpointFailed(_logger, _checkpoint.Path, DiskError.Describe(error));
            }
        }
    }

    private sealed class Entry(SpooledRecord? record, long segmentId, long endOffset, bool Done)
    {
        public SpooledRecord? Record { get; } = record;

        public long SegmentId { get; } = segmentId;

        public long EndOffset { get; } = endOffset;

        public bool Done { get; set; } = Done;

        public int Attempts { get; set; }
    }
}
