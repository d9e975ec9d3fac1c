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
/// <param name="ForwarderFault">Why forwarding to InfluxDB stopped for good (records stay spooled until a restart) or is retrying a batch the InfluxDB writer failed, or null.</param>
/// <param name="WriterFault">Why the spool refuses batches (it cannot write to its folder: the folder and the errno), or null while it writes; it probes and clears by itself.</param>
/// <param name="RefusedFaultBatches">Batches refused because the spool could not write to its folder, since start.</param>
/// <param name="AbandonedBytes">Bytes of failed commits that could not be cut off their segment (counted in <paramref name="Bytes"/>, never forwarded before a restart).</param>
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
    string? ForwarderFault = null,
    string? WriterFault = null,
    long RefusedFaultBatches = 0,
    long AbandonedBytes = 0);
