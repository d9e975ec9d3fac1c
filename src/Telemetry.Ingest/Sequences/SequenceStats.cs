namespace Telemetry.Ingest.Sequences;

/// <summary>A snapshot of the sequence tracker's counters since start.</summary>
/// <param name="Sources">(Client, source) pairs tracked now.</param>
/// <param name="Duplicates">Frames not written again because the same frame was already kept (same source, sequence and fingerprint).</param>
/// <param name="Gaps">Gaps detected (each written as one point of the gap measurement).</param>
/// <param name="MissingFrames">Sequence numbers those gaps skipped (saturates at <see cref="long.MaxValue"/>).</param>
/// <param name="LateFrames">Frames that arrived behind their source's highest sequence and were kept (late, out of order, or resent before their first copy was durable).</param>
/// <param name="EvictedSources">Pairs forgotten to stay within <see cref="SequenceOptions.MaxSources"/>.</param>
/// <param name="Resets">Sender restarts detected (each written as one point of the gap measurement).</param>
public readonly record struct SequenceStats(int Sources, long Duplicates, long Gaps, long MissingFrames, long LateFrames, long EvictedSources, long Resets);
