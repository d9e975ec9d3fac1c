namespace Telemetry.Ingest.Tests.Influx;

/// <summary>Waits for a condition with a generous limit, returning as soon as it holds (no timed assertions).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {Timeout.TotalSeconds} s: {what}");
            }
            await Task.Delay(10);
        }
    }
}
