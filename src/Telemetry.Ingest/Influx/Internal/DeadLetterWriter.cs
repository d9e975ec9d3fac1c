using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Appends refused lines to a JSON-lines file: <c>{"time":…,"target":…,"lineIndex":…,"reason":…,"line":…}</c>.
/// Refusals are rare, so a lock and a file kept open are enough.
/// </summary>
internal sealed class DeadLetterWriter(string? path, string target, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly Lock _lock = new();
    private FileStream? _file;
    private Utf8JsonWriter? _json;

    public void Write(ReadOnlySpan<byte> line, int lineIndex, string reason)
    {
        if (path is null)
        {
            return;
        }
        lock (_lock)
        {
            try
            {
                _file ??= Open(path);
                _json ??= new Utf8JsonWriter(_file, new JsonWriterOptions { SkipValidation = true });
                _json.WriteStartObject();
                _json.WriteString("time", time.GetUtcNow());
                _json.WriteString("target", target);
                _json.WriteNumber("lineIndex", lineIndex);
                _json.WriteString("reason", reason);
                _json.WriteString("line", line);
                _json.WriteEndObject();
                _json.Flush();
                _json.Reset();
                _file.WriteByte((byte)'\n');
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Log.DeadLetterFailed(logger, path, error);
            }
        }
    }

    /// <summary>Pushes what was written to the file, once per request.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            try
            {
                _file?.Flush();
            }
            catch (IOException error)
            {
                Log.DeadLetterFailed(logger, path!, error);
            }
        }
    }

    private static FileStream Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _json?.Dispose();
            _file?.Dispose();
        }
    }
}
