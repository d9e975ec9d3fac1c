namespace Telemetry.Guidance;

/// <summary>Runs many dispersed descents in parallel.</summary>
public static class MonteCarlo
{
    /// <summary>
    /// Flies <paramref name="runs"/> descents of dispersed copies of <paramref name="scenario"/>; run i uses
    /// seed <c>seed + i</c> for both the dispersion and the sensor noise, so the summary does not depend on scheduling.
    /// </summary>
    /// <param name="scenario">The nominal scenario.</param>
    /// <param name="runs">How many runs (at least 1).</param>
    /// <param name="seed">Seed of run 0.</param>
    /// <param name="progress">Receives the count of finished runs (about every 1 % and at the end), or null.</param>
    /// <param name="cancellationToken">Stops the campaign (throws <see cref="OperationCanceledException"/>).</param>
    public static MonteCarloSummary Run(
        Scenario scenario, int runs, int seed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var outcomes = new Outcome[runs];
        var done = 0;
        var reportEvery = Math.Max(1, runs / 100);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, runs, options, i =>
        {
            var runSeed = unchecked(seed + i);
            outcomes[i] = DescentSimulator.Run(Dispersions.Apply(scenario, runSeed), runSeed, recordEvery: 0).Outcome;
            var finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % reportEvery == 0 || finished == runs))
            {
                progress.Report(finished);
            }
        });

        var successes = 0;
        foreach (var outcome in outcomes)
        {
            successes += outcome.IsSafe ? 1 : 0;
        }

        return new MonteCarloSummary(runs, successes, outcomes);
    }
}
