namespace Telemetry.Replay.Streaming;

/// <summary>How a replay is streamed to the ingest server.</summary>
internal sealed record StreamOptions
{
    /// <summary>
    /// Wall-clock time of simulation time zero. Default 2025-06-05T18:00:00Z, the evening (UTC) of Resilience's
    /// landing attempt, so that replays of every scenario line up on one fixed, reproducible time axis.
    /// </summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2025, 6, 5, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Frames per batch. Default 500; the contract's sweet spot is 100-5,000.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Batches sent but not yet acknowledged before the sender waits. Default 4.</summary>
    public int MaxInFlight { get; init; } = 4;

    /// <summary>Pace frames at simulation speed instead of as fast as possible. Default false.</summary>
    public bool Realtime { get; init; }

    /// <summary>
    /// Longest wait for an acknowledgement while batches are in flight. Default 30 s: the server acknowledges once a
    /// batch is durable, which takes milliseconds, so half a minute of silence means it is stuck, not busy.
    /// </summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long to keep reconnecting, counted from the last acknowledgement, when the server goes away mid-stream (a
    /// restart, a shutdown, a full spool). Unacknowledged batches are sent again on the new call. Default 30 s;
    /// <see cref="TimeSpan.Zero"/> fails at the first broken call.
    /// </summary>
    public TimeSpan ReconnectFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>API key, sent as <c>authorization: Bearer KEY</c>. Default none.</summary>
    public string? ApiKey { get; init; }

    /// <inheritdoc cref="DefaultEpoch"/>
    public DateTimeOffset Epoch { get; init; } = DefaultEpoch;

    public void Validate()
    {
        if (BatchSize is < 1 or > 5_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be 1-5000 frames.");
        }

        if (AckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AckTimeout), AckTimeout, "The acknowledgement timeout must be positive.");
        }

        if (ReconnectFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectFor), ReconnectFor, "The reconnect time must not be negative.");
        }

        if (MaxInFlight is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInFlight), MaxInFlight, "Batches in flight must be 1-64.");
        }
    }
}
