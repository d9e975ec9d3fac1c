using Microsoft.Extensions.Logging;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>Log messages of the spool; event ids 5300-5399 are stable.</summary>
internal static partial class Log
{
    [LoggerMessage(5300, LogLevel.Information, "Spool recovered from {Directory}: {Segments} segments, {Records} batches ({Lines} lines, {Bytes} bytes) still to forward to InfluxDB")]
    public static partial void Recovered(ILogger logger, string directory, int segments, long records, long lines, long bytes);

    [LoggerMessage(5301, LogLevel.Warning, "Spool segment {SegmentId} ended in a torn record at offset {Offset} ({Length} bytes, a write the process never finished and never acknowledged); truncated")]
    public static partial void TornTail(ILogger logger, long segmentId, long offset, long length);

    [LoggerMessage(5302, LogLevel.Error, "Spool segment {SegmentId} holds {Length} corrupt bytes at offset {Offset}; copied to {QuarantinePath} and skipped, the records after it are kept")]
    public static partial void Corrupt(ILogger logger, long segmentId, long offset, long length, string quarantinePath);

    [LoggerMessage(5303, LogLevel.Critical, "Spool commit failed in segment {SegmentId}; {Batches} batches were not acknowledged (clients resend them)")]
    public static partial void CommitFailed(ILogger logger, long segmentId, int batches, Exception error);

    [LoggerMessage(5304, LogLevel.Information, "Spool forwarder stopped at segment {SegmentId} offset {Offset}; {Bytes} spooled bytes stay on disk for the next start")]
    public static partial void ForwarderStopped(ILogger logger, long segmentId, long offset, long bytes);

    [LoggerMessage(5305, LogLevel.Error, "Spool forwarder failed; spooled batches stay on disk and are forwarded after a restart")]
    public static partial void ForwarderFailed(ILogger logger, Exception error);

    [LoggerMessage(5306, LogLevel.Warning, "Spool checkpoint {Path} is unreadable; forwarding restarts from the oldest segment (InfluxDB overwrites the points sent again)")]
    public static partial void CheckpointUnreadable(ILogger logger, string path);
}
