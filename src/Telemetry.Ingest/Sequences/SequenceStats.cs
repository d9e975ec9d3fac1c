namespace Telemetry.Ingest.Sequences;

/// <summary>A snapshot of the sequence tracker's counters since start.</summary>
/// <param name="Sources">Sources tracked now.</param>
/// <param name="Duplicates">Frames dropped as duplicates of a (source, sequence) already kept.</param>
/// <param name="Gaps">Gaps detected (each written as one point of the gap measurement).</param>
/// <param name="MissingFrames">Sequence numbers those gaps skipped.</param>
/// <param name="LateFrames">Frames that arrived below their source's highest sequence and were not duplicates (late or out of order).</param>
/// <param name="EvictedSources">Sources forgotten to stay within <see cref="SequenceOptions.MaxSources"/>.</param>
public readonly record struct SequenceStats(int Sources, long Duplicates, long Gaps, long MissingFrames, long LateFrames, long EvictedSources);
