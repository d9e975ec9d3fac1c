using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Pipeline.Internal;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// Appends batches to the active segment through a <see cref="PipeWriter"/> and makes them durable by group
/// commit: one loop takes every batch that arrived while the previous fsync ran, writes them, fsyncs once, and only
/// then completes their <see cref="LineBatch.Written"/> (the ack). A lone batch is fsynced at once.
/// Any failure to open, rotate, write, flush or fsync (whatever its exception) fails the group and puts the writer
/// in a fault state: every later batch fails at once with <see cref="SpoolFaultException"/> (folder and errno) until
/// a probe succeeds, then batches are taken again. The loop itself never dies while the spool is open.
/// </summary>
internal sealed class SpoolWriter : IAsyncDisposable
{
    /// <summary>How often a faulted writer probes its folder.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    private const int PipeMinimumBufferBytes = 64 * 1024;

    private readonly Channel<LineBatch> _queue = Channel.CreateUnbounded<LineBatch>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly SpoolOptions _options;
    private readonly SpoolLedger _ledger;
    private readonly SpoolCounters _counters;
    private readonly DiskFaults _faults;
    private readonly ByteGate _pending;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<LineBatch> _group = [];
    private FileStream? _file;
    private PipeWriter? _pipe;
    private long _segmentId;
    private long _nextSegmentId;
    private long _length;
    private long _committedLength;
    private volatile string? _fault;
    private long _faultedAt;
    private long _refusedAtFault;
    private long _lastProbe;
    private Task? _loop;

    public SpoolWriter(SpoolOptions options, SpoolLedger ledger, SpoolCounters counters, DiskFaults faults, TimeProvider time, ILogger logger)
    {
        _options = options;
        _ledger = ledger;
        _counters = counters;
        _faults = faults;
        _pending = new ByteGate(options.MaxPendingBytes);
        _time = time;
        _logger = logger;
    }

    /// <summary>Bytes waiting to be appended and fsynced.</summary>
    public long PendingBytes => _pending.Used;

    /// <summary>Why the writer refuses batches (folder and errno), or null while it writes.</summary>
    public string? Fault => _fault;

    /// <summary>Opens segment <paramref name="segmentId"/> (new) and starts the commit loop; a failure to open it faults the writer.</summary>
    public void Start(long segmentId)
    {
        _nextSegmentId = segmentId;
        try
        {
            OpenNextSegment();
        }
        catch (Exception error)
        {
            SetFault(error, "opening its first segment");
        }
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues <paramref name="batch"/> for the next commit, waiting while <see cref="SpoolOptions.MaxPendingBytes"/>
    /// are queued. A batch the quota has no room for is failed with <see cref="SpoolFullException"/>, and one that
    /// arrives while the writer cannot write with <see cref="SpoolFaultException"/> (its ack says so).
    /// </summary>
    public async ValueTask EnqueueAsync(LineBatch batch, CancellationToken ct)
    {
        if (_fault is { } fault)
        {
            FailFaulted(batch, fault);
            return;
        }
        var size = SpoolRecord.Size(batch.LineCount, batch.Lines.Length);
        if (!HasRoom(size))
        {
            Refuse(batch, size);
            return;
        }
        await _pending.WaitAsync(size, ct).ConfigureAwait(false);
        if (!_queue.Writer.TryWrite(batch))
        {
            _pending.Release(size);
            var error = new SinkClosedException("The spool is closed: the server is stopping; resend this batch.");
            batch.SetFailed(error);
            throw error;
        }
    }

    /// <summary>Stops taking batches, commits every batch already queued, and closes the segment.</summary>
    public async Task CloseAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        _pending.Close(new SinkClosedException("The spool is closed: the server is stopping; resend this batch."));
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        CloseSegment();
    }

    private bool HasRoom(long size) => _ledger.TotalBytes + _pending.Used + size <= _options.MaxBytes;

    private void Refuse(LineBatch batch, long size)
    {
        _counters.RefusedFull();
        batch.SetFailed(new SpoolFullException(
            $"the spool is full ({_ledger.TotalBytes} of {_options.MaxBytes} bytes, Spool:MaxBytes) while InfluxDB is not keeping up or unreachable; " +
            $"this batch ({size} bytes) was not accepted and nothing acknowledged was dropped: retry later"));
    }

    private void FailFaulted(LineBatch batch, string fault)
    {
        _counters.RefusedFault(1);
        batch.SetFailed(new SpoolFaultException(fault));
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var previousGroup = 0;
        while (true)
        {
            if (_fault is not null)
            {
                // Faulted: wake for batches (to refuse them at once) and every probe interval (to recover by itself).
                var waiting = reader.WaitToReadAsync().AsTask();
                while (!waiting.IsCompleted && _fault is not null)
                {
                    await Task.WhenAny(waiting, Task.Delay(ProbeInterval, _time)).ConfigureAwait(false);
                    TryProbe();
                }
                if (!await waiting.ConfigureAwait(false))
                {
                    break;
                }
                TryProbe();
            }
            else if (!await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                break;
            }
            if (previousGroup > 1 && _options.MaxCommitDelay > TimeSpan.Zero && _fault is null)
            {
                // Under load a short wait lets more batches share the next fsync.
                await Task.Delay(_options.MaxCommitDelay, _time).ConfigureAwait(false);
            }
            long bytes = 0;
            try
            {
                while (reader.TryRead(out var batch))
                {
                    var size = SpoolRecord.Size(batch.LineCount, batch.Lines.Length);
                    bytes += size;
                    if (_fault is { } fault)
                    {
                        FailFaulted(batch, fault);
                        continue;
                    }
                    if (_ledger.TotalBytes + (_length - _committedLength) + size > _options.MaxBytes)
                    {
                        Refuse(batch, size);
                        continue;
                    }
                    Append(batch, size);
                }
                previousGroup = _group.Count;
                await CommitAsync().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // Not a disk error (those are handled where they happen): still never leave a batch without an answer.
                FailGroup(error, "committing");
            }
            finally
            {
                _pending.Release(bytes);
            }
        }
    }

    private void Append(LineBatch batch, int size)
    {
        var span = _pipe!.GetSpan(size)[..size];
        SpoolRecord.Write(span, batch.BatchId, _time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000,
            batch.FrameIndexes.Span, batch.LineCount, batch.Lines.Span);
        _pipe.Advance(size);
        _length += size;
        _group.Add(batch);
    }

    private async Task CommitAsync()
    {
        if (_group.Count == 0)
        {
            return;
        }
        var started = _time.GetTimestamp();
        try
        {
            _faults.ThrowIfSet(DiskOperation.Write, _file!.Name);
            await _pipe!.FlushAsync().ConfigureAwait(false);
            _faults.ThrowIfSet(DiskOperation.Fsync, _file.Name);
            SegmentFiles.Fsync(_file);
        }
        catch (Exception error)
        {
            // After a failed write or fsync the file's state is unknown: fail the group, never fsync this file again.
            FailGroup(error, $"writing and fsyncing segment {_segmentId}");
            return;
        }
        _committedLength = _length;
        _ledger.Committed(_length);
        _counters.Committed(_group.Count, _time.GetElapsedTime(started));
        foreach (var batch in _group)
        {
            batch.SetWritten([]);
        }
        _group.Clear();
        if (_length >= _options.SegmentBytes)
        {
            try
            {
                CloseSegment();
                OpenNextSegment();
            }
            catch (Exception error)
            {
                SetFault(error, "starting a new segment");
            }
        }
    }

    /// <summary>Fails the batches of the group, abandons the active segment and faults the writer.</summary>
    private void FailGroup(Exception error, string doing)
    {
        var fault = SetFault(error, doing);
        Log.CommitFailed(_logger, _segmentId, _group.Count, error);
        // The failed bytes are cut off before any client hears of the failure.
        AbandonSegment();
        var failure = new SpoolFaultException(fault);
        _counters.RefusedFault(_group.Count);
        foreach (var batch in _group)
        {
            batch.SetFailed(failure);
        }
        _group.Clear();
    }

    private string SetFault(Exception error, string doing)
    {
        var reason = DiskError.Describe(error);
        var fault = $"the spool cannot write to its folder {_ledger.Directory} ({doing}): {reason}; " +
            "this batch was not acknowledged, resend it (the spool retries the folder by itself)";
        if (_fault is null)
        {
            _faultedAt = _time.GetTimestamp();
            _refusedAtFault = _counters.RefusedFaultBatches;
            _lastProbe = _faultedAt;
            _counters.WriterFaulted();
            Log.WriterFaulted(_logger, _ledger.Directory, doing, reason, ProbeInterval, error);
        }
        _fault = fault;
        return fault;
    }

    /// <summary>
    /// Cuts the bytes of the failed commit off the active segment (its committed part stays, fsynced, for the
    /// forwarder) and closes it. When they cannot be cut off, they are counted against the quota.
    /// </summary>
    private void AbandonSegment()
    {
        if (_file is null)
        {
            return;
        }
        var written = 0L;
        try
        {
            // Completed with an error, the pipe drops what it still buffers instead of writing it after the cut.
            _pipe?.Complete(new IOException("segment abandoned after a failed commit"));
        }
        catch (Exception)
        {
            // Nothing it held was acknowledged.
        }
        _pipe = null;
        try
        {
            written = _file.Length - _committedLength;
            _file.SetLength(_committedLength);
            SegmentFiles.Fsync(_file);
            written = 0;
        }
        catch (Exception)
        {
            // A read-only or failing disk: the bytes stay past the ledger's length (never read by the forwarder).
        }
        if (written > 0)
        {
            _ledger.Abandoned(_segmentId, written);
            Log.AbandonedBytesKept(_logger, _segmentId, written);
        }
        CloseSegment();
    }

    private void CloseSegment()
    {
        try
        {
            _pipe?.Complete();
        }
        catch (Exception)
        {
            // Whatever the pipe still held was never acknowledged.
        }
        try
        {
            _file?.Dispose();
        }
        catch (Exception)
        {
            // Nothing unacknowledged depends on it: what was committed was fsynced before.
        }
        _pipe = null;
        _file = null;
    }

    /// <summary>
    /// Checks (at most every <see cref="ProbeInterval"/>) whether the folder takes writes again: a probe file of
    /// 64 KiB written and fsynced, then a new segment created, fsynced and its folder fsynced. Success clears the fault.
    /// </summary>
    private void TryProbe()
    {
        if (_fault is null || _time.GetElapsedTime(_lastProbe) < ProbeInterval)
        {
            return;
        }
        _lastProbe = _time.GetTimestamp();
        var probe = Path.Combine(_ledger.Directory, "probe");
        try
        {
            _faults.ThrowIfSet(DiskOperation.Open, probe);
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                _faults.ThrowIfSet(DiskOperation.Write, probe);
                file.Write(new byte[PipeMinimumBufferBytes]);
                _faults.ThrowIfSet(DiskOperation.Fsync, probe);
                SegmentFiles.Fsync(file);
            }
            File.Delete(probe);
            OpenNextSegment();
        }
        catch (Exception error)
        {
            SetFault(error, "probing whether it can write again");
            return;
        }
        var faultedFor = _time.GetElapsedTime(_faultedAt);
        _fault = null;
        Log.WriterRecovered(_logger, _ledger.Directory, _segmentId, faultedFor, _counters.RefusedFaultBatches - _refusedAtFault);
    }

    /// <summary>Creates the next segment, fsyncs it and its folder, and makes it the active one.</summary>
    private void OpenNextSegment()
    {
        var id = _nextSegmentId++;
        var path = SegmentFiles.PathOf(_ledger.Directory, id);
        _faults.ThrowIfSet(DiskOperation.Open, path);
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
        });
        try
        {
            _faults.ThrowIfSet(DiskOperation.Fsync, path);
            SegmentFiles.Fsync(file);
            _faults.ThrowIfSet(DiskOperation.SyncFolder, _ledger.Directory);
            SegmentFiles.SyncDirectory(_ledger.Directory);
        }
        catch
        {
            file.Dispose();
            TryDelete(path);
            throw;
        }
        _file = file;
        _pipe = PipeWriter.Create(_file, new StreamPipeWriterOptions(minimumBufferSize: PipeMinimumBufferBytes, leaveOpen: true));
        _segmentId = id;
        _length = 0;
        _committedLength = 0;
        _ledger.StartActive(id);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception)
        {
            // An empty segment left behind is read as empty at the next start.
        }
    }
}
