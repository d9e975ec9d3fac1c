namespace Telemetry.Ingest.Sequences;

/// <summary>
/// Per-source sequence tracking, bound from the configuration section "Sequences" and validated at start.
/// Memory: about <see cref="Window"/> / 8 + 100 bytes per tracked source (4096 → ~0.6 KB; 10,000 sources → ~6 MB).
/// </summary>
public sealed class SequenceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Sequences";

    /// <summary>
    /// How many of each source's most recent sequence numbers are remembered: a frame whose (source, sequence) was
    /// already kept within this window is a duplicate (a resend after a reconnect) and is not written again.
    /// A multiple of 64, at most 1,048,576. Default 4096; 0 turns tracking (duplicates and gaps) off.
    /// </summary>
    public int Window { get; set; } = 4096;

    /// <summary>
    /// Sources tracked at once; past it the source unseen the longest is forgotten (its next frame starts afresh,
    /// without a gap report). Default 10,000.
    /// </summary>
    public int MaxSources { get; set; } = 10_000;

    /// <summary>
    /// Measurement that receives one point per detected gap: tag <c>source</c>, fields <c>first_missing</c>,
    /// <c>last_missing</c> and <c>missing</c> (integers), at the timestamp of the frame after the gap. Default
    /// <c>telemetry_gaps</c>.
    /// </summary>
    public string GapMeasurement { get; set; } = "telemetry_gaps";
}
