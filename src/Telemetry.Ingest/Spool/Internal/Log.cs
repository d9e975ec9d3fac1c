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

    [LoggerMessage(5307, LogLevel.Critical, "Spool cannot write to {Directory} while {Doing}: {Reason}. Every batch is refused with UNAVAILABLE until a probe (a new segment written and fsynced, folder fsynced) succeeds; the probe runs every {ProbeInterval}")]
    public static partial void WriterFaulted(ILogger logger, string directory, string doing, string reason, TimeSpan probeInterval, Exception error);

    [LoggerMessage(5308, LogLevel.Warning, "Spool writes to {Directory} again (segment {SegmentId}) after {FaultedFor} of disk faults; {Refused} batches were refused meanwhile")]
    public static partial void WriterRecovered(ILogger logger, string directory, long segmentId, TimeSpan faultedFor, long refused);

    [LoggerMessage(5309, LogLevel.Warning, "Spool segment {SegmentId} keeps {Bytes} bytes of a failed commit past its committed length (they could not be cut off); they count against the quota and are forwarded again only after a restart, as duplicates InfluxDB overwrites")]
    public static partial void AbandonedBytesKept(ILogger logger, long segmentId, long bytes);

    [LoggerMessage(5310, LogLevel.Error, "Spool forwarder: the InfluxDB writer failed batch {BatchId} (attempt {Attempt}); retrying in {Delay}, nothing after it is confirmed meanwhile")]
    public static partial void ForwardRetrying(ILogger logger, ulong batchId, int attempt, TimeSpan delay, Exception error);

    [LoggerMessage(5311, LogLevel.Warning, "Spool checkpoint {Path} or a confirmed segment could not be written or deleted ({Reason}); forwarding goes on, a restart may resend what InfluxDB already holds")]
    public static partial void CheckpointFailed(ILogger logger, string path, string reason);
}
