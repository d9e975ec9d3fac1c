namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Exponential backoff with full jitter (a uniform delay below a ceiling that doubles per attempt, capped), so
/// writers that failed together do not retry together. A server's Retry-After wins, capped the same way.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } requested)
        {
            return requested < max ? requested : max;
        }
        var ceiling = initial.Ticks * Math.Pow(2, Math.Min(attempt - 1, 62));
        var capped = Math.Min(ceiling, max.Ticks);
        return TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * capped));
    }
}
