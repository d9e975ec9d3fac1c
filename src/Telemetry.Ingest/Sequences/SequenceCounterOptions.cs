namespace Telemetry.Ingest.Sequences;

/// <summary>The width of the sequence counters of some sources (e.g. CCSDS space packets' 14-bit count).</summary>
public sealed class SequenceCounterOptions
{
    /// <summary>Source names or globs (<c>*</c>, <c>?</c>) this width applies to. Required.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>
    /// Counter width in bits, 2 to 63: a sequence is taken modulo 2^Bits, and the number after 2^Bits - 1 is 1 (the
    /// count 0, which is also "no sequence", is not tracked, so a counter that sends its 0 or skips it is the same).
    /// </summary>
    public int Bits { get; set; }
}
