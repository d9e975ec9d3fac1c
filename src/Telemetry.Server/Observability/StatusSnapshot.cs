namespace Telemetry.Server.Observability;

/// <summary>What <c>/status.json</c> returns and the status page draws. Latencies in ms, ages in s, sizes in bytes.</summary>
public sealed record StatusSnapshot
{
    /// <summary>When the snapshot was taken (UTC).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Frames received since start; the page's rates are its differences over time.</summary>
    public long FramesTotal { get; init; }

    /// <summary>Acknowledgements sent since start.</summary>
    public long AcksTotal { get; init; }

    /// <summary>Frames received since start, by source label (at most <see cref="ObservabilityOptions.MaxSourceLabels"/> plus <c>_other</c>).</summary>
    public IReadOnlyDictionary<string, long> FramesBySource { get; init; } = new Dictionary<string, long>();

    /// <summary>Ack latency percentiles over the last 4096 acks (ms); null before the first.</summary>
    public double? AckP50Ms { get; init; }

    /// <inheritdoc cref="AckP50Ms"/>
    public double? AckP99Ms { get; init; }

    /// <inheritdoc cref="AckP50Ms"/>
    public double? AckP999Ms { get; init; }

    /// <summary>InfluxDB writer state; null with the null sink.</summary>
    public InfluxStatus? Influx { get; init; }

    /// <summary>Spool state; null unless <c>Ingest:AckAfter=Spool</c>.</summary>
    public SpoolStatus? Spool { get; init; }

    /// <summary>The last 20 rejected frames, newest first.</summary>
    public IReadOnlyList<RecentRejection> RecentRejections { get; init; } = [];

    /// <summary>The last 20 sequence gaps, newest first.</summary>
    public IReadOnlyList<RecentGap> RecentGaps { get; init; } = [];

    /// <summary>The last 20 sender restarts (sequence resets), newest first.</summary>
    public IReadOnlyList<RecentReset> RecentResets { get; init; } = [];

    /// <summary>Sequence gaps found since start.</summary>
    public long Gaps { get; init; }

    /// <summary>Sender restarts (sequence resets) found since start.</summary>
    public long Resets { get; init; }

    /// <summary>Frames not written again since start because the same client had already made the same frame durable.</summary>
    public long Duplicates { get; init; }
}

/// <summary>The InfluxDB writer as the status page shows it.</summary>
/// <param name="Up">False while writing is paused, failing or not answered.</param>
/// <param name="Problem">Why it is down (the pause reason, the last failure, or the request waiting for an answer), or null.</param>
/// <param name="FailingForS">How long InfluxDB has not answered (s), or null.</param>
/// <param name="WrittenLines">Lines stored since start.</param>
/// <param name="PendingBytes">Bytes waiting to be written.</param>
/// <param name="Requests">Write requests since start.</param>
/// <param name="Retries">Retries since start.</param>
/// <param name="DeadLetters">Lines sent to the dead-letter file.</param>
/// <param name="DeadLetterFault">Why the dead-letter file cannot be written (forwarding waits), or null.</param>
/// <param name="WriteP50Ms">Median write request duration over the last 1024 (ms).</param>
/// <param name="WriteP99Ms">99th percentile of the same (ms).</param>
public sealed record InfluxStatus(
    bool Up, string? Problem, double? FailingForS, long WrittenLines, long PendingBytes, long Requests, long Retries, long DeadLetters,
    string? DeadLetterFault, double? WriteP50Ms, double? WriteP99Ms);

/// <summary>The spool as the status page shows it.</summary>
/// <param name="Bytes">Bytes on disk.</param>
/// <param name="MaxBytes">The quota.</param>
/// <param name="Segments">Segment files.</param>
/// <param name="OldestAgeS">Age of the oldest unforwarded record (s), or null.</param>
/// <param name="RefusedFullBatches">Batches refused for a full spool.</param>
/// <param name="DeadLetteredLines">Acked lines InfluxDB refused later.</param>
/// <param name="ForwarderFault">Why forwarding stopped for good or is retrying, or null.</param>
/// <param name="WriterFault">Why the spool refuses batches (its folder and the errno), or null while it writes.</param>
/// <param name="RefusedFaultBatches">Batches refused because the spool could not write to its folder.</param>
public sealed record SpoolStatus(
    long Bytes, long MaxBytes, int Segments, double? OldestAgeS, long RefusedFullBatches, long DeadLetteredLines, string? ForwarderFault,
    string? WriterFault, long RefusedFaultBatches);

/// <summary>One rejected frame.</summary>
/// <param name="Time">When it was rejected.</param>
/// <param name="Source">The frame's source.</param>
/// <param name="BatchId">Its batch.</param>
/// <param name="Index">Its index in the batch.</param>
/// <param name="Code">The rejection code.</param>
/// <param name="Reason">The reason the client was given.</param>
public sealed record RecentRejection(DateTimeOffset Time, string Source, ulong BatchId, uint Index, string Code, string Reason);

/// <summary>One sequence gap.</summary>
/// <param name="Source">The source.</param>
/// <param name="FirstMissing">First missing sequence.</param>
/// <param name="LastMissing">Last missing sequence.</param>
/// <param name="Missing">How many sequence numbers are missing.</param>
/// <param name="TimestampNs">Timestamp of the frame after the gap (ns since the Unix epoch).</param>
public sealed record RecentGap(string Source, ulong FirstMissing, ulong LastMissing, ulong Missing, long TimestampNs);

/// <summary>One sender restart.</summary>
/// <param name="Source">The source.</param>
/// <param name="From">Its highest sequence before the restart.</param>
/// <param name="To">The sequence it restarted at.</param>
/// <param name="TimestampNs">Timestamp of the first frame after the restart (ns since the Unix epoch).</param>
public sealed record RecentReset(string Source, ulong From, ulong To, long TimestampNs);
