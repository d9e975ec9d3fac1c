using System.ComponentModel.DataAnnotations;

namespace Telemetry.Server;

/// <summary>Ingest settings, bound from the configuration section <c>Ingest</c> and validated at start.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Where encoded frames go: <see cref="IngestSinkKind.Influx"/> (default) or <see cref="IngestSinkKind.Null"/> (discard; for measuring the server's own ceiling).</summary>
    [EnumDataType(typeof(IngestSinkKind))]
    public IngestSinkKind Sink { get; set; } = IngestSinkKind.Influx;

    /// <summary>
    /// When a batch is acknowledged: <see cref="AckAfter.Spool"/> (default: once fsynced to the local spool) or
    /// <see cref="AckAfter.Database"/> (once InfluxDB answered 204, with its refusals in the ack).
    /// </summary>
    public AckAfter AckAfter { get; set; } = AckAfter.Spool;

    /// <summary>Largest number of frames in one batch; larger batches are refused whole with a reason. Default 100,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxFramesPerBatch { get; set; } = 100_000;

    /// <summary>Largest encoded line-protocol line, in bytes; larger frames are rejected. Default 65,536.</summary>
    [Range(256, 1 << 20)]
    public int MaxLineBytes { get; set; } = 65_536;

    /// <summary>Largest gRPC message the server reads, in bytes. Default 16 MiB.</summary>
    [Range(1024, 256 << 20)]
    public int MaxMessageBytes { get; set; } = 16 << 20;

    /// <summary>
    /// Batches one stream may have submitted but not yet acknowledged; past this the server stops reading that
    /// stream until an ack goes out. Default 64.
    /// </summary>
    [Range(1, 4096)]
    public int MaxBatchesInFlightPerStream { get; set; } = 64;

    /// <summary>
    /// Rejections an ack lists in detail (the first by frame index); the rest are counted in
    /// <c>rejections_not_listed</c>. With reasons cut to 256 characters, 4,096 still fits a 4 MB client limit.
    /// Default 1,000.
    /// </summary>
    [Range(0, 4096)]
    public int MaxRejectionsPerAck { get; set; } = 1000;

    /// <summary>
    /// Bytes of acks one stream may have waiting to be written (its client reading them slowly or not at all) before
    /// the server stops reading that stream's batches. Default 4 MiB.
    /// </summary>
    [Range(64 * 1024, 256 << 20)]
    public int MaxAckBytesPerStream { get; set; } = 4 << 20;

    /// <summary>
    /// The health check reports NOT_SERVING once InfluxDB writes have failed (network, timeouts, 5xx, 429) for this
    /// many seconds without an answer in between; before that it reports degraded (still SERVING). Default 10.
    /// </summary>
    [Range(1, 3600)]
    public int UnhealthyAfterFailingSeconds { get; set; } = 10;

    /// <summary>How long a graceful shutdown may take to flush everything in flight, in seconds. Default 60.</summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 60;
}

/// <summary>The destination of encoded frames.</summary>
public enum IngestSinkKind
{
    /// <summary>InfluxDB over HTTP (section <c>Influx</c>).</summary>
    Influx,

    /// <summary>Discard every line after encoding: the server's own throughput ceiling. Data is lost.</summary>
    Null,
}

/// <summary>What an acknowledgement waits for.</summary>
public enum AckAfter
{
    /// <summary>The batch's group-commit fsync to the write-ahead spool; InfluxDB's later refusals go to dead letters.</summary>
    Spool,

    /// <summary>InfluxDB's 204 for every line of the batch; InfluxDB's refusals are listed in the ack.</summary>
    Database,
}
