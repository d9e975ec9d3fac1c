namespace Telemetry.Server.Internal;

/// <summary>Source-generated log messages of the server host (event ids 1000-1099).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Ingest stream from {Peer} ended: {Batches} batches, {Frames} frames submitted ({HeldBack} similar lines held back before this one)")]
    public static partial void StreamEnded(ILogger logger, string peer, long batches, long frames, long heldBack);

    [LoggerMessage(1001, LogLevel.Warning, "Ingest stream from {Peer} stopped because the sink did not write a batch")]
    public static partial void StreamSinkFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(1002, LogLevel.Information, "Server is stopping: ingest stream from {Peer} closed after its in-flight batches were acknowledged")]
    public static partial void StreamClosedForShutdown(ILogger logger, string peer);

    [LoggerMessage(1003, LogLevel.Warning, "Null sink selected (Ingest:Sink = Null): frames are encoded and discarded, nothing reaches InfluxDB")]
    public static partial void NullSinkSelected(ILogger logger);

    [LoggerMessage(1004, LogLevel.Information, "Flushing everything in flight to InfluxDB before exit")]
    public static partial void Draining(ILogger logger);

    [LoggerMessage(1005, LogLevel.Information, "Flushed; the sink is stopped")]
    public static partial void Drained(ILogger logger);

    [LoggerMessage(1006, LogLevel.Information, "Call {Method} from {Peer} refused with {Status}: {Reason} ({HeldBack} similar lines held back before this one)")]
    public static partial void CallRefused(ILogger logger, string method, string peer, Grpc.Core.StatusCode status, string reason, long heldBack);

    [LoggerMessage(1007, LogLevel.Information, "Anonymous writing is enabled (Security:AllowAnonymous): every caller that reaches {Endpoints} may write any source and measurement")]
    public static partial void AnonymousEnabled(ILogger logger, string endpoints);

    [LoggerMessage(1008, LogLevel.Information, "Connection limit {MaxConnections} (Limits:MaxConnections{Derived}); open-file limit {OpenFiles}")]
    public static partial void ConnectionLimit(ILogger logger, long maxConnections, string derived, long openFiles);

    [LoggerMessage(1010, LogLevel.Warning, "Spool recovery found {TornTails} torn tails (truncated) and {Corruptions} corrupt runs (quarantined); see the spool's log lines 5301-5302")]
    public static partial void SpoolRecoveredDamage(ILogger logger, int tornTails, int corruptions);

    [LoggerMessage(1011, LogLevel.Information, "Spool closed: {Bytes} bytes in {Segments} segments stay on disk for the next start")]
    public static partial void SpoolStopped(ILogger logger, long bytes, int segments);

    [LoggerMessage(1012, LogLevel.Error, "Shutdown timed out before InfluxDB took everything: the batches not written were refused with UNAVAILABLE and never acknowledged (clients resend them); exiting with code 3; last failure: {Reason}")]
    public static partial void DrainTimedOut(ILogger logger, string reason);

    [LoggerMessage(1013, LogLevel.Information, "Sequence tracking restored {Windows} (client, source) windows from {Path}")]
    public static partial void SequencesRestored(ILogger logger, int windows, string path);

    [LoggerMessage(1014, LogLevel.Warning, "Sequence snapshot {Path} could not be read ({Reason}); starting with no remembered frames: resends of frames sent before the restart are written again, not reported as duplicates")]
    public static partial void SequencesNotRestored(ILogger logger, string path, string reason);

    [LoggerMessage(1015, LogLevel.Warning, "Sequence snapshot {Path} could not be written ({Reason}); it is tried again in {IntervalS} s")]
    public static partial void SequencesNotSaved(ILogger logger, string path, string reason, double intervalS);
}
