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
/// </summary>
internal sealed class SpoolWriter : IAsyncDisposable
{
    private const int PipeMinimumBufferBytes = 64 * 1024;

    private readonly Channel<LineBatch> _queue = Channel.CreateUnbounded<LineBatch>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly SpoolOptions _options;
    private readonly SpoolLedger _ledger;
    private readonly SpoolCounters _counters;
    private readonly ByteGate _pending;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<LineBatch> _group = [];
    private FileStream? _file;
    private PipeWriter? _pipe;
    private long _segmentId;
    private long _length;
    private Task? _loop;

    public SpoolWriter(SpoolOptions options, SpoolLedger ledger, SpoolCounters counters, TimeProvider time, ILogger logger)
    {
        _options = options;
        _ledger = ledger;
        _counters = counters;
        _pending = new ByteGate(options.MaxPendingBytes);
        _time = time;
        _logger = logger;
    }

    /// <summary>Bytes waiting to be appended and fsynced.</summary>
    public long PendingBytes => _pending.Used;

    /// <summary>Opens segment <paramref name="segmentId"/> (new) and starts the commit loop.</summary>
    public void Start(long segmentId)
    {
        OpenSegment(segmentId);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues <paramref name="batch"/> for the next commit, waiting while <see cref="SpoolOptions.MaxPendingBytes"/>
    /// are queued. A batch the quota has no room for is failed with <see cref="SpoolFullException"/> (its ack says so).
    /// </summary>
    public async ValueTask EnqueueAsync(LineBatch batch, CancellationToken ct)
    {
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
        if (_pipe is not null)
        {
            await _pipe.CompleteAsync().ConfigureAwait(false);
        }
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }

    private bool HasRoom(long size) => _ledger.TotalBytes + _pending.Used + size <= _options.MaxBytes;

    private void Refuse(LineBatch batch, long size)
    {
        _counters.RefusedFull();
        batch.SetFailed(new SpoolFullException(
            $"the spool is full ({_ledger.TotalBytes} of {_options.MaxBytes} bytes, Spool:MaxBytes) while InfluxDB is not keeping up or unreachable; " +
            $"this batch ({size} bytes) was not accepted and nothing acknowledged was dropped: retry later"));
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var previousGroup = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (previousGroup > 1 && _options.MaxCommitDelay > TimeSpan.Zero)
            {
                // Under load a short wait lets more batches share the next fsync.
                await Task.Delay(_options.MaxCommitDelay, _time).ConfigureAwait(false);
            }
            long bytes = 0;
            while (reader.TryRead(out var batch))
            {
                var size = SpoolRecord.Size(batch.LineCount, batch.Lines.Length);
                bytes += size;
                if (_ledger.TotalBytes + (_length - CommittedLength) + size > _options.MaxBytes)
                {
                    Refuse(batch, size);
                    continue;
                }
                Append(batch, size);
            }
            previousGroup = _group.Count;
            await CommitAsync().ConfigureAwait(false);
            _pending.Release(bytes);
        }
    }

    private long CommittedLength { get; set; }

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
            await _pipe!.FlushAsync().ConfigureAwait(false);
            _file!.Flush(flushToDisk: true);
        }
        catch (IOException error)
        {
            // After a failed write or fsync the file's state is unknown: fail the group, start a new segment.
            Log.CommitFailed(_logger, _segmentId, _group.Count, error);
            var failure = new SinkClosedException($"the spool could not write to disk ({error.Message}); resend this batch");
            foreach (var batch in _group)
            {
                batch.SetFailed(failure);
            }
            _group.Clear();
            TryRotateAfterFailure();
            return;
        }
        CommittedLength = _length;
        _ledger.Committed(_length);
        _counters.Committed(_group.Count, _time.GetElapsedTime(started));
        foreach (var batch in _group)
        {
            batch.SetWritten([]);
        }
        _group.Clear();
        if (_length >= _options.SegmentBytes)
        {
            await RotateAsync().ConfigureAwait(false);
        }
    }

    private async Task RotateAsync()
    {
        await _pipe!.CompleteAsync().ConfigureAwait(false);
        await _file!.DisposeAsync().ConfigureAwait(false);
        OpenSegment(_segmentId + 1);
    }

    private void TryRotateAfterFailure()
    {
        try
        {
            _pipe?.Complete();
            _file?.Dispose();
        }
        catch (IOException)
        {
            // The old segment is abandoned either way; what was committed in it is still read by the forwarder.
        }
        try
        {
            OpenSegment(_segmentId + 1);
        }
        catch (IOException error)
        {
            Log.CommitFailed(_logger, _segmentId + 1, 0, error);
        }
    }

    private void OpenSegment(long id)
    {
        var path = SegmentFiles.PathOf(_ledger.Directory, id);
        _file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
        });
        SegmentFiles.SyncDirectory(_ledger.Directory);
        _pipe = PipeWriter.Create(_file, new StreamPipeWriterOptions(minimumBufferSize: PipeMinimumBufferBytes, leaveOpen: true));
        _segmentId = id;
        _length = 0;
        CommittedLength = 0;
        _ledger.StartActive(id);
    }
}
