namespace Telemetry.Ingest.Tests.Influx;

/// <summary>The system clock, recording the due time of every timer created (delays, timeouts, flush timers).</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _dueTimes = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
