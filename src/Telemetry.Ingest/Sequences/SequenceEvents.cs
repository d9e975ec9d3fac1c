namespace Telemetry.Ingest.Sequences;

/// <summary>The gaps and resets one batch revealed, in frame order; each becomes a point of the gap measurement.</summary>
public sealed class SequenceEvents
{
    /// <summary>Gaps found.</summary>
    public List<SequenceGap> Gaps { get; } = [];

    /// <summary>Sender restarts found.</summary>
    public List<SequenceReset> Resets { get; } = [];
}
