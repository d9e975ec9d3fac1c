namespace Telemetry.Replay.Tests.Streaming;

/// <summary>
/// A clock that never makes anyone wait: every timer advances the clock by its due time and fires at once, so code
/// that paces itself with delays runs instantly and deterministically, and <see cref="Elapsed"/> says how long it
/// would have waited.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private long _ticks;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Add(ref _ticks, dueTime.Ticks);
        // Fired from the pool, not inline: the caller has not finished setting up its timer yet.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
