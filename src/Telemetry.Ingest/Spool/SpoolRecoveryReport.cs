namespace Telemetry.Ingest.Spool;

/// <summary>What the spool found on disk at start.</summary>
/// <param name="Segments">Segment files kept (each still holds records to forward, or is the one being read).</param>
/// <param name="Records">Readable batches from the resume position on: all of them are forwarded to InfluxDB.</param>
/// <param name="Lines">Lines in those batches.</param>
/// <param name="Bytes">Bytes of the kept segment files.</param>
/// <param name="TornTails">Records cut short at the end of a segment (never acknowledged), truncated away.</param>
/// <param name="Corruptions">Damaged runs inside segments, each copied to the quarantine folder and skipped.</param>
public sealed record SpoolRecoveryReport(
    int Segments,
    long Records,
    long Lines,
    long Bytes,
    IReadOnlyList<SpoolDamage> TornTails,
    IReadOnlyList<SpoolDamage> Corruptions);

/// <summary>Bytes of a segment that hold no readable record.</summary>
/// <param name="SegmentId">The segment's number (its file name).</param>
/// <param name="Offset">Where the damage starts in the segment file, in bytes.</param>
/// <param name="Length">How many bytes it spans.</param>
/// <param name="QuarantinePath">Where a copy of the damaged bytes was kept (corruption only), or null.</param>
public sealed record SpoolDamage(long SegmentId, long Offset, long Length, string? QuarantinePath);
