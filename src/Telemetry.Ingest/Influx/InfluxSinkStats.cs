namespace Telemetry.Ingest.Influx;

/// <summary>A snapshot of the sink's counters, for health checks and logs.</summary>
/// <param name="PendingLines">Lines accepted but not yet answered by InfluxDB (queued or in flight).</param>
/// <param name="PendingBytes">Bytes of line protocol queued or in flight.</param>
/// <param name="WrittenLines">Lines InfluxDB stored since start.</param>
/// <param name="DroppedLines">Lines InfluxDB refused (HTTP 400) since start.</param>
/// <param name="Requests">Write requests sent, retries and probes included.</param>
/// <param name="Retries">Requests repeated after a transient failure (429, 5xx, timeout, network).</param>
/// <param name="PausedReason">Why writing is paused (401, 403 or 404), or null while writing.</param>
/// <param name="FailingFor">How long InfluxDB has not answered: writes failing transiently (429, 5xx, timeouts, network) or a request waiting past <see cref="InfluxOptions.NotAnsweringAfter"/>, counted from the first unanswered request's sending (never before InfluxDB's last answer); null while it answers.</param>
/// <param name="LastFailure">The latest of those failures ("no answer …" for a request still waiting), or null.</param>
/// <param name="DeadLetters">Refused lines written to the dead-letter file since start.</param>
/// <param name="DeadLettersLost">Refused lines not written to the dead-letter file because the sink stopped while the file could not be written.</param>
/// <param name="DeadLetterFault">Why the dead-letter file cannot be written right now (writers wait and retry), or null.</param>
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
    long DeadLettersLost,
    string? DeadLetterFault = null);
