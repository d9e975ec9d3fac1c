using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Appends lines InfluxDB refused to a JSON-lines file, one object per line:
/// <c>{"time":…,"target":…,"batchId":…,"frameIndex":…,"lineIndex":…,"reason":…,"line":…}</c>.
/// A writer thread only queues the entry (a bounded queue: past it the entry is counted as lost and logged, never
/// waited for); a background task writes them. The file is rotated at <see cref="InfluxOptions.DeadLetterMaxFileBytes"/>
/// into <c>path.1</c> … <c>path.N</c> (<see cref="InfluxOptions.DeadLetterMaxFiles"/>, oldest deleted), so the
/// dead letters never take more than about their product on disk.
/// </summary>
internal sealed class DeadLetterWriter : IAsyncDisposable
{
    private const int QueueCapacity = 10_000;

    private readonly string? _path;
    private readonly string _target;
    private readonly long _maxFileBytes;
    private readonly int _maxFiles;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Entry> _queue = Channel.CreateBounded<Entry>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _drain;
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

    /// <summary>Entries that could not be kept (the queue was full or the file could not be written).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Queues a refused line of <paramref name="batch"/>; never blocks.</summary>
    public void Write(ReadOnlySpan<byte> line, LineBatch batch, int lineIndex, string reason)
    {
        if (_path is null)
        {
            return;
        }
        var frameIndex = lineIndex < batch.FrameIndexes.Length ? batch.FrameIndexes.Span[lineIndex] : -1;
        if (!_queue.Writer.TryWrite(new Entry(_time.GetUtcNow(), batch.BatchId, frameIndex, lineIndex, reason, line.ToArray())))
        {
            var lost = Interlocked.Increment(ref _lost);
            if (lost == 1 || lost % 1000 == 0)
            {
                Log.DeadLetterLost(_logger, _path, lost);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _drain.ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        FileStream? file = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var entry))
                {
                    try
                    {
                        if (file is not null && file.Length >= _maxFileBytes)
                        {
                            await file.DisposeAsync().ConfigureAwait(false);
                            file = null;
                            Rotate();
                        }
                        file ??= Open();
                        buffer.ResetWrittenCount();
                        json.Reset();
                        WriteEntry(json, entry);
                        json.Flush();
                        buffer.Write("\n"u8);
                        file.Write(buffer.WrittenSpan);
                        Interlocked.Increment(ref _written);
                    }
                    catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                    {
                        Interlocked.Increment(ref _lost);
                        Log.DeadLetterFailed(_logger, _path!, error);
                        if (file is not null)
                        {
                            await file.DisposeAsync().ConfigureAwait(false);
                        }
                        file = null;
                    }
                }
                if (file is not null)
                {
                    await file.FlushAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
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
        var directory = Path.GetDirectoryName(_path!);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        return new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.Read);
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

    private readonly record struct Entry(DateTimeOffset Time, ulong BatchId, int FrameIndex, int LineIndex, string Reason, byte[] Line);
}
