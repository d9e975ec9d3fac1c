using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Spool.Internal;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Appends lines InfluxDB refused to a JSON-lines file, one object per line:
/// <c>{"time":…,"target":…,"batchId":…,"frameIndex":…,"lineIndex":…,"reason":…,"line":…}</c>.
/// A writer thread queues the entries of its request (never dropped) and waits in <see cref="FlushAsync"/> until
/// they are written and the file fsynced, so a request's batches complete (and a spooled record is confirmed) only
/// once their refused lines are durable. The queue is bounded by the requests in flight: while the file cannot keep
/// up, the InfluxDB writers wait here, and the spool's forwarder behind them (back-pressure). A failing disk is
/// retried with backoff and reported as <see cref="Fault"/>, never answered by dropping. The file is rotated at
/// <see cref="InfluxOptions.DeadLetterMaxFileBytes"/> into <c>path.1</c> … <c>path.N</c>
/// (<see cref="InfluxOptions.DeadLetterMaxFiles"/>, oldest deleted).
/// </summary>
internal sealed class DeadLetterWriter : IAsyncDisposable
{
    private static readonly Backoff RetryBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(5);

    private readonly string? _path;
    private readonly string _target;
    private readonly long _maxFileBytes;
    private readonly int _maxFiles;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _drain;
    private FileStream? _file;
    private volatile string? _fault;
    private long _lost;
    private long _written;

    public DeadLetterWriter(InfluxOptions options, string target, TimeProvider time, ILogger logger)
    {
        _path = options.DeadLetterPath is { } p ? Path.GetFullPath(p) : null;
        _target = target;
        _maxFileBytes = options.DeadLetterMaxFileBytes;
        _maxFiles = options.DeadLetterMaxFiles;
        _time = time;
        _logger = logger;
        _drain = _path is null ? Task.CompletedTask : Task.Run(DrainAsync);
    }

    /// <summary>Entries written to the file since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Entries that could not be kept: only those still queued when the sink stopped with the file failing.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Why dead letters cannot be written right now (the writers wait and retry), or null.</summary>
    public string? Fault => _fault;

    /// <summary>Queues a refused line of <paramref name="batch"/>; <see cref="FlushAsync"/> waits until it is durable.</summary>
    public void Write(ReadOnlySpan<byte> line, LineBatch batch, int lineIndex, string reason)
    {
        if (_path is null)
        {
            return;
        }
        var frameIndex = lineIndex < batch.FrameIndexes.Length ? batch.FrameIndexes.Span[lineIndex] : -1;
        _queue.Writer.TryWrite(new Entry(_time.GetUtcNow(), batch.BatchId, frameIndex, lineIndex, reason, line.ToArray(), null));
    }

    /// <summary>Completes once every entry queued before it is written and the file fsynced.</summary>
    /// <exception cref="SinkClosedException">The writer stopped first (the entries' records stay spooled).</exception>
    public Task FlushAsync(CancellationToken ct)
    {
        if (_path is null)
        {
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Entry(default, 0, 0, 0, "", [], done)))
        {
            done.TrySetException(Stopped());
        }
        return done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            // What is queued is written first, unless the file keeps failing.
            await _drain.WaitAsync(StopBudget).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _drain.ConfigureAwait(false);
        }
        long left = 0;
        while (_queue.Reader.TryRead(out var entry))
        {
            if (entry.Flushed is { } flushed)
            {
                flushed.TrySetException(Stopped());
            }
            else
            {
                left++;
            }
        }
        if (left > 0)
        {
            Interlocked.Add(ref _lost, left);
            Log.DeadLetterLost(_logger, _path!, left);
        }
        CloseFile();
        _stop.Dispose();
    }

    private static SinkClosedException Stopped() =>
        new("The InfluxDB sink stopped before its refused lines were written to the dead-letter file.");

    private async Task DrainAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        var round = new List<Entry>();
        var flushes = new List<TaskCompletionSource>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var entry))
                {
                    if (entry.Flushed is { } flushed)
                    {
                        flushes.Add(flushed);
                    }
                    else
                    {
                        round.Add(entry);
                    }
                }
                // A round is written and fsynced as a whole, and written again whole after a failure: after a failed
                // write or fsync the file's state is unknown, so an entry may appear twice, but never goes missing.
                await RetryAsync(() =>
                {
                    foreach (var e in round)
                    {
                        buffer.ResetWrittenCount();
                        json.Reset();
                        WriteEntry(json, e);
                        json.Flush();
                        buffer.Write("\n"u8);
                        Append(buffer.WrittenSpan);
                    }
                    if (_file is not null)
                    {
                        SegmentFiles.Fsync(_file);
                    }
                }).ConfigureAwait(false);
                Interlocked.Add(ref _written, round.Count);
                round.Clear();
                foreach (var flushed in flushes)
                {
                    flushed.TrySetResult();
                }
                flushes.Clear();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping with the file failing: what this round held is counted, DisposeAsync answers the rest.
            if (round.Count > 0)
            {
                Interlocked.Add(ref _lost, round.Count);
                Log.DeadLetterLost(_logger, _path!, round.Count);
            }
        }
        foreach (var flushed in flushes)
        {
            flushed.TrySetException(Stopped());
        }
    }

    /// <summary>Runs <paramref name="action"/> until it succeeds (a new file each time), waiting with backoff between tries.</summary>
    private async Task RetryAsync(Action action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                action();
                if (_fault is not null)
                {
                    _fault = null;
                    Log.DeadLetterResumed(_logger, _path!);
                }
                return;
            }
            catch (Exception error)
            {
                // After a failed write or fsync the file's state is unknown: reopen it (an entry may be written twice,
                // never lost; a torn last line is skipped by readers as it is not JSON).
                CloseFile();
                _fault = $"the dead-letter file {_path} cannot be written: {DiskError.Describe(error)}; " +
                    "forwarding waits until it can (nothing is dropped)";
                if (attempt == 1)
                {
                    Log.DeadLetterFailed(_logger, _path!, error);
                }
                await Task.Delay(RetryBackoff.Delay(attempt, null), _time, _stop.Token).ConfigureAwait(false);
            }
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_file is not null && _file.Length >= _maxFileBytes)
        {
            SegmentFiles.Fsync(_file);
            CloseFile();
            Rotate();
        }
        _file ??= Open();
        _file.Write(bytes);
    }

    private void WriteEntry(Utf8JsonWriter json, Entry entry)
    {
        json.WriteStartObject();
        json.WriteString("time", entry.Time);
        json.WriteString("target", _target);
        json.WriteNumber("batchId", entry.BatchId);
        json.WriteNumber("frameIndex", entry.FrameIndex);
        json.WriteNumber("lineIndex", entry.LineIndex);
        json.WriteString("reason", entry.Reason);
        json.WriteString("line", entry.Line.AsSpan().TrimEnd((byte)'\n'));
        json.WriteEndObject();
    }

    private FileStream Open()
    {
        var directory = Path.GetDirectoryName(_path!)!;
        Directory.CreateDirectory(directory);
        var created = !File.Exists(_path);
        var file = new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        if (!created && EndsInsideLine(_path!))
        {
            // A write that failed half way: end that torn line so that the next entry starts on its own.
            file.Write("\n"u8);
        }
        if (created)
        {
            // The new file's name must survive a power loss as its fsynced contents do.
            SegmentFiles.Fsync(file);
            SegmentFiles.SyncDirectory(directory);
        }
        return file;
    }

    private static bool EndsInsideLine(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        Span<byte> last = stackalloc byte[1];
        return length > 0 && RandomAccess.Read(handle, last, length - 1) == 1 && last[0] != (byte)'\n';
    }

    private void CloseFile()
    {
        try
        {
            _file?.Dispose();
        }
        catch (Exception)
        {
            // Whatever it held that was not fsynced is written again.
        }
        _file = null;
    }

    /// <summary>path → path.1 → … → path.(N-1); the oldest beyond the cap is deleted.</summary>
    private void Rotate()
    {
        string Numbered(int n) => string.Create(CultureInfo.InvariantCulture, $"{_path}.{n}");
        File.Delete(Numbered(_maxFiles - 1));
        for (var n = _maxFiles - 2; n >= 1; n--)
        {
            if (File.Exists(Numbered(n)))
            {
                File.Move(Numbered(n), Numbered(n + 1), overwrite: true);
            }
        }
        File.Move(_path!, Numbered(1), overwrite: true);
    }

    private readonly record struct Entry(
        DateTimeOffset Time, ulong BatchId, int FrameIndex, int LineIndex, string Reason, byte[] Line, TaskCompletionSource? Flushed);
}
