namespace Telemetry.Ingest.Sequences;

/// <summary>
/// Per-source sequence tracking, bound from the configuration section "Sequences" and validated at start.
/// A source is tracked per credential: the window of (client, source) is separate from every other client's.
/// Memory: at most 16 × <see cref="Window"/> + about 200 bytes per tracked source, allocated as its frames are kept
/// (defaults: ≤ 16.6 KB per source, ≤ 166 MB for <see cref="MaxSources"/> sources that each keep a full window).
/// </summary>
public sealed class SequenceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Sequences";

    /// <summary>
    /// How many of each source's most recently kept sequence numbers are remembered, with a 64-bit fingerprint of
    /// the whole frame: a frame is a duplicate only when the same (source, sequence) was kept with the same
    /// fingerprint (timestamp, measurement, tags and fields included), so a resend is recognised and a new frame under
    /// a reused number never is. A power of two from 64 to 1,048,576. Default 1024; 0 turns tracking (duplicates,
    /// gaps, resets) off.
    /// </summary>
    public int Window { get; set; } = 1024;

    /// <summary>
    /// (Client, source) pairs tracked at once; past it the pair used least recently is forgotten (its next frame
    /// starts afresh, without a gap report). Default 10,000.
    /// </summary>
    public int MaxSources { get; set; } = 10_000;

    /// <summary>
    /// A jump forward that skips more than this many sequence numbers is taken for a restart of the sender at
    /// another number (a reset), not a gap. Default 4,294,967,296 (2^32).
    /// </summary>
    public ulong MaxGap { get; set; } = 1UL << 32;

    /// <summary>
    /// Counters narrower than 64 bits, by source pattern (first match wins): their sequence numbers wrap at
    /// 2^<see cref="SequenceCounterOptions.Bits"/> without a gap or a reset. Default: none (every counter is 64 bits).
    /// </summary>
    public List<SequenceCounterOptions> Counters { get; set; } = [];

    /// <summary>
    /// File the tracked windows are saved to every <see cref="SnapshotInterval"/> (when they changed) and at shutdown,
    /// and restored from at start, so that resends after a restart or a crash are still recognised. Default: none;
    /// the server puts it beside its spool (<c>sequences.snapshot</c> in <c>Spool:Directory</c>) when it has one.
    /// Frames made durable after the last snapshot are not remembered after a crash: their resends are written
    /// again (InfluxDB keeps one point) and counted as written, not as duplicates.
    /// </summary>
    public string? SnapshotPath { get; set; }

    /// <summary>How often a changed tracker is saved to <see cref="SnapshotPath"/>. Default 5 s; 1 s to 1 h.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Measurement that receives one point per detected gap (tag <c>source</c>; integer fields <c>first_missing</c>,
    /// <c>last_missing</c> and <c>missing</c>) and per sender restart (tag <c>source</c>; integer fields
    /// <c>reset_from</c> and <c>reset_to</c>), at the timestamp of the frame that revealed it. Default
    /// <c>telemetry_gaps</c>.
    /// </summary>
    public string GapMeasurement { get; set; } = "telemetry_gaps";
}
