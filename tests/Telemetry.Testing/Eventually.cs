namespace Telemetry.Testing;

/// <summary>Waits for a condition with a generous limit, returning as soon as it holds (no timed assertions).</summary>
public static class Eventually
{
    /// <summary>How long a condition may take before the test fails: 30 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> every 10 ms; throws naming <paramref name="what"/> after <see cref="Timeout"/>.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what) =>
        HoldsAsync(() => Task.FromResult(condition()), () => what);

    /// <summary>
    /// Polls the asynchronous <paramref name="condition"/> every 10 ms; after <see cref="Timeout"/> throws with
    /// <paramref name="what"/>, evaluated then so it can describe the last state seen.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {Timeout.TotalSeconds} s: {what()}");
            }
            await Task.Delay(10);
        }
    }
}
