using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Descent;

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
        var outcomes = Campaign.Run(runs, i =>
        {
            var runSeed = unchecked(seed + i);
            return DescentSimulator.Run(Dispersions.Apply(scenario, runSeed), runSeed, recordEvery: 0).Outcome;
        }, progress, cancellationToken);

        var successes = 0;
        foreach (var outcome in outcomes)
        {
            successes += outcome.IsSafe ? 1 : 0;
        }

        return new MonteCarloSummary(runs, successes, outcomes);
    }
}
