namespace Telemetry.Ingest.Influx;

/// <summary>A snapshot of the sink's counters, for health checks and logs.</summary>
/// <param name="PendingLines">Lines accepted but not yet answered by InfluxDB (queued or in flight).</param>
/// <param name="PendingBytes">Bytes of line protocol queued or in flight.</param>
/// <param name="WrittenLines">Lines InfluxDB stored since start.</param>
/// <param name="DroppedLines">Lines InfluxDB refused (HTTP 400) since start.</param>
/// <param name="Requests">Write requests sent, retries and probes included.</param>
/// <param name="Retries">Requests repeated after a transient failure (429, 5xx, timeout, network).</param>
/// <param name="PausedReason">Why writing is paused (401, 403 or 404), or null while writing.</param>
/// <param name="FailingFor">How long writes have been failing transiently (429, 5xx, timeouts, network) without any answer from InfluxDB in between; null while it answers.</param>
/// <param name="LastFailure">The latest of those failures, or null.</param>
/// <param name="DeadLetters">Refused lines written to the dead-letter file since start.</param>
/// <param name="DeadLettersLost">Refused lines that could not be kept in the dead-letter file (queue full or file error).</param>
public readonly record struct InfluxSinkStats(
    long PendingLines,
    long PendingBytes,
    long WrittenLines,
    long DroppedLines,
    long Requests,
    long Retries,
    string? PausedReason,
    TimeSpan? FailingFor,
    string? LastFailure,
    long DeadLetters,
    long DeadLettersLost);
