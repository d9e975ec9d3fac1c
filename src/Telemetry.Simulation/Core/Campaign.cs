namespace Telemetry.Simulation.Core;

/// <summary>
/// Flies independent runs on all cores: the one piece of machinery under the Monte Carlo campaigns and sweeps of
/// both the descent and the ascent.
/// </summary>
public static class Campaign
{
    /// <summary>
    /// Calls <paramref name="fly"/> for every index 0..count-1 in parallel and returns the results by index, so a
    /// campaign's results never depend on scheduling.
    /// </summary>
    /// <param name="count">How many runs (at least 1).</param>
    /// <param name="fly">Flies run i.</param>
    /// <param name="progress">Receives the count of finished runs (about every 1 % and at the end), or null.</param>
    /// <param name="cancellationToken">Stops the campaign (throws <see cref="OperationCanceledException"/>).</param>
    /// <param name="maxThreads">At most this many runs at once; -1 (default) lets the thread pool choose.</param>
    public static T[] Run<T>(
        int count, Func<int, T> fly, IProgress<int>? progress = null, CancellationToken cancellationToken = default, int maxThreads = -1)
    {
        ArgumentNullException.ThrowIfNull(fly);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var results = new T[count];
        var done = 0;
        var reportEvery = Math.Max(1, count / 100);
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxThreads };
        Parallel.For(0, count, options, i =>
        {
            results[i] = fly(i);
            var finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % reportEvery == 0 || finished == count))
            {
                progress.Report(finished);
            }
        });
        return results;
    }
}
