namespace Telemetry.Ingest.Spool;

/// <summary>A snapshot of the spool's counters, for health checks, metrics and logs.</summary>
/// <param name="Bytes">Bytes of segment files on disk (against <see cref="SpoolOptions.MaxBytes"/>).</param>
/// <param name="MaxBytes">The quota, <see cref="SpoolOptions.MaxBytes"/>.</param>
/// <param name="Segments">Segment files on disk.</param>
/// <param name="PendingBytes">Bytes of batches waiting for their fsync.</param>
/// <param name="ForwardingBytes">Bytes read from the spool and handed to the InfluxDB writer, not yet confirmed.</param>
/// <param name="Commits">Fsyncs (group commits) since start.</param>
/// <param name="CommittedBatches">Batches made durable (acknowledged) since start.</param>
/// <param name="MeanCommitTime">Average time of one commit (write and fsync), or zero before the first.</param>
/// <param name="RefusedFullBatches">Batches refused because the quota was reached, since start.</param>
/// <param name="ForwardedLines">Lines InfluxDB answered for (written or refused) since start.</param>
/// <param name="DeadLetteredLines">Lines InfluxDB refused after they were acknowledged (sent to the dead letters).</param>
/// <param name="SkippedDamageBytes">Damaged bytes skipped while forwarding (reported at recovery).</param>
/// <param name="OldestUnconfirmedAge">Age of the oldest record InfluxDB has not confirmed; null when none waits.</param>
/// <param name="ForwarderFault">Why forwarding to InfluxDB stopped for good (records stay spooled until a restart), or null.</param>
public readonly record struct SpoolStats(
    long Bytes,
    long MaxBytes,
    int Segments,
    long PendingBytes,
    long ForwardingBytes,
    long Commits,
    long CommittedBatches,
    TimeSpan MeanCommitTime,
    long RefusedFullBatches,
    long ForwardedLines,
    long DeadLetteredLines,
    long SkippedDamageBytes,
    TimeSpan? OldestUnconfirmedAge,
    string? ForwarderFault = null);
