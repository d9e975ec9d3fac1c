namespace Telemetry.Ingest.Sequences;

/// <summary>Sequence numbers of one source that never arrived before a later one did.</summary>
/// <param name="Source">The frame's source.</param>
/// <param name="FirstMissing">First sequence number skipped.</param>
/// <param name="LastMissing">Last sequence number skipped (below <paramref name="FirstMissing"/> when the gap spans a counter's wrap).</param>
/// <param name="Missing">How many sequence numbers were skipped.</param>
/// <param name="TimestampNs">Timestamp of the frame that revealed the gap (ns since the Unix epoch).</param>
public readonly record struct SequenceGap(string Source, ulong FirstMissing, ulong LastMissing, ulong Missing, long TimestampNs);
