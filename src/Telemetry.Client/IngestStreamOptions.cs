namespace Telemetry.Client;

/// <summary>How a <see cref="ResendingStream{TBatch}"/> sends, waits and reconnects.</summary>
public sealed record IngestStreamOptions
{
    /// <summary>Batches sent but not yet acknowledged before the sender waits. Default 4; 1-4096.</summary>
    public int MaxInFlight { get; init; } = 4;

    /// <summary>
    /// Longest wait for an acknowledgement while the window is full or the last batches are in flight; then the
    /// stream fails. Default <see cref="Timeout.InfiniteTimeSpan"/> (wait as long as the server keeps the call open).
    /// </summary>
    public TimeSpan AckTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// How long to keep reconnecting after the call fails with a status worth retrying (UNAVAILABLE,
    /// RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN), counted from the last acknowledgement. <c>null</c> (the default): until
    /// cancelled. <see cref="TimeSpan.Zero"/>: never reconnect.
    /// </summary>
    public TimeSpan? ReconnectFor { get; init; }

    /// <summary>First wait before a reconnect; it doubles up to <see cref="MaxBackoff"/>. Default 100 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between reconnects. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>API key, sent as <c>authorization: Bearer KEY</c>. Default none (anonymous, where the server allows it).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value outside its documented range.</summary>
    public void Validate()
    {
        if (MaxInFlight is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInFlight), MaxInFlight, "Batches in flight must be 1-4096.");
        }

        if (AckTimeout <= TimeSpan.Zero && AckTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(AckTimeout), AckTimeout, "The acknowledgement timeout must be positive or infinite.");
        }

        if (ReconnectFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectFor), ReconnectFor, "The reconnect time must not be negative.");
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "Backoffs must be positive, the maximum at least the initial one.");
        }
    }
}
