namespace Telemetry.Ingest.Spool.Internal;

/// <summary>Bytes of a segment that hold no readable record.</summary>
/// <param name="SegmentId">The segment.</param>
/// <param name="Offset">Where the damage starts in the segment file.</param>
/// <param name="Length">How many bytes it spans.</param>
/// <param name="TornTail">True for a record cut short at the end of the file (a write the process never finished).</param>
internal readonly record struct SegmentDamage(long SegmentId, long Offset, long Length, bool TornTail);
