using Microsoft.Extensions.Logging;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Log messages of the InfluxDB sink; event ids 5100-5199 are stable.</summary>
internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Information, "InfluxDB sink started: {ApiVersion} at {Url}, writing to {Target} with {Writers} writers, {BatchLines} lines per request")]
    public static partial void Started(ILogger logger, InfluxApiVersion apiVersion, Uri url, string target, int writers, int batchLines);

    [LoggerMessage(5101, LogLevel.Information, "InfluxDB database {Database} created (or already present)")]
    public static partial void DatabaseCreated(ILogger logger, string database);

    [LoggerMessage(5102, LogLevel.Warning, "Could not create InfluxDB database {Database}: HTTP {StatusCode}: {Reason}")]
    public static partial void CreateDatabaseFailed(ILogger logger, string database, int statusCode, string reason);

    [LoggerMessage(5103, LogLevel.Error, "InfluxDB refused writes to {Target} with HTTP {StatusCode}: {Reason}. ALL WRITING IS PAUSED (nothing is dropped; backpressure builds up) and retried every {RetryInterval}")]
    public static partial void WritingPaused(ILogger logger, string target, int statusCode, string reason, TimeSpan retryInterval);

    [LoggerMessage(5104, LogLevel.Error, "InfluxDB still refuses writes to {Target} with HTTP {StatusCode}: {Reason}; writing paused for {PausedFor}")]
    public static partial void StillPaused(ILogger logger, string target, int statusCode, string reason, TimeSpan pausedFor);

    [LoggerMessage(5105, LogLevel.Information, "InfluxDB accepts writes to {Target} again after a pause of {PausedFor}")]
    public static partial void WritingResumed(ILogger logger, string target, TimeSpan pausedFor);

    [LoggerMessage(5106, LogLevel.Warning, "InfluxDB write of {Lines} lines failed (HTTP {StatusCode}: {Reason}); retry {Attempt} in {Delay}")]
    public static partial void RetryingWrite(ILogger logger, int lines, int statusCode, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(5107, LogLevel.Warning, "InfluxDB refused a request of {Lines} lines as too large (HTTP 413); splitting it")]
    public static partial void SplittingTooLarge(ILogger logger, int lines);

    [LoggerMessage(5108, LogLevel.Error, "InfluxDB refused {Dropped} of the {Lines} lines of a request (partial write); first reason: {Reason}")]
    public static partial void LinesDropped(ILogger logger, int dropped, int lines, string reason);

    [LoggerMessage(5109, LogLevel.Error, "Could not append refused lines to the dead-letter file {Path}; retrying with backoff, forwarding waits meanwhile (nothing is dropped)")]
    public static partial void DeadLetterFailed(ILogger logger, string path, Exception error);

    [LoggerMessage(5113, LogLevel.Error, "The InfluxDB sink stopped while the dead-letter file {Path} could not be written: {Lost} refused lines were not written to it (with the spool their records stay spooled and are refused again after the next start)")]
    public static partial void DeadLetterLost(ILogger logger, string path, long lost);

    [LoggerMessage(5110, LogLevel.Information, "Draining the InfluxDB sink: {Lines} lines ({Bytes} bytes) still to write")]
    public static partial void Draining(ILogger logger, long lines, long bytes);

    [LoggerMessage(5111, LogLevel.Error, "InfluxDB sink stopped before writing {Lines} lines; their batches are failed")]
    public static partial void DrainAborted(ILogger logger, long lines);

    [LoggerMessage(5112, LogLevel.Error, "InfluxDB sink writer failed unexpectedly; the {Lines} lines of its request are failed")]
    public static partial void WriterFailed(ILogger logger, int lines, Exception error);

    [LoggerMessage(5114, LogLevel.Warning, "The dead-letter file {Path} is written again")]
    public static partial void DeadLetterResumed(ILogger logger, string path);
}
