namespace Telemetry.Ingest.Spool;

/// <summary>
/// Settings of the write-ahead spool, bound from the configuration section "Spool" and validated at start.
/// </summary>
public sealed class SpoolOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Spool";

    /// <summary>
    /// Folder of the segment files, the checkpoint, quarantined damage and (by default) the dead letters; created
    /// when missing. A relative path is taken from the process's working directory. Default <c>spool</c>.
    /// </summary>
    public string Directory { get; set; } = "spool";

    /// <summary>
    /// Disk quota in bytes for all segment files together. A batch that would exceed it is refused
    /// (RESOURCE_EXHAUSTED); nothing spooled is ever dropped to make room. Default 10 GiB; at least 2 segments.
    /// </summary>
    public long MaxBytes { get; set; } = 10L << 30;

    /// <summary>
    /// Size in bytes after which the active segment is closed and a new one started; a segment is deleted once
    /// InfluxDB has confirmed every record in it. Default 64 MiB.
    /// </summary>
    public long SegmentBytes { get; set; } = 64L << 20;

    /// <summary>
    /// How long the committer may wait for more batches before an fsync while batches keep arriving (the previous
    /// commit covered more than one). A lone batch is fsynced at once, so light load never waits on this. Default 0:
    /// every fsync starts as soon as the previous one ended, covering everything appended meanwhile.
    /// </summary>
    public TimeSpan MaxCommitDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Bytes of encoded batches waiting to be appended and fsynced; producers wait while it is full (backpressure,
    /// memory bound). Default 64 MiB.
    /// </summary>
    public long MaxPendingBytes { get; set; } = 64L << 20;

    /// <summary>
    /// Bytes of spooled batches the forwarder reads ahead of InfluxDB's confirmations (held in memory while the
    /// InfluxDB writer retries). Default 32 MiB.
    /// </summary>
    public long MaxForwardBytes { get; set; } = 32L << 20;
}
