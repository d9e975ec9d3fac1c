using Telemetry.Ingest.Diagnostics;

namespace Telemetry.Server.Observability.Internal;

/// <summary>The last <c>capacity</c> latencies (s), for the status page's percentiles. Thread-safe.</summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly RecentList<double> _values = new(capacity);

    public void Add(double seconds) => _values.Add(seconds);

    /// <summary>Percentiles (0-100) of the window, or nulls when it is empty.</summary>
    public double?[] Percentiles(params ReadOnlySpan<double> percentiles)
    {
        var sorted = _values.Snapshot();
        Array.Sort(sorted);
        var result = new double?[percentiles.Length];
        for (var i = 0; i < percentiles.Length && sorted.Length > 0; i++)
        {
            var rank = (int)Math.Ceiling(percentiles[i] / 100 * sorted.Length) - 1;
            result[i] = sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }

        return result;
    }
}
