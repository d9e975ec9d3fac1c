using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Ascent;

/// <summary>Runs many dispersed ascents of one or more scenarios in parallel and scores the termination system.</summary>
public static class AscentMonteCarlo
{
    /// <summary>
    /// Flies <paramref name="runsPerScenario"/> dispersed copies of each scenario; run j of a scenario uses seed
    /// <c>seed + j</c> for its dispersions and navigation noise. Each scenario's expected profile comes from its own
    /// undispersed reference flight, as a termination system is set up before launch.
    /// </summary>
    /// <param name="scenarios">The nominal scenarios, e.g. a healthy one and a faulty one.</param>
    /// <param name="runsPerScenario">Runs of each (at least 1).</param>
    /// <param name="seed">Seed of run 0.</param>
    /// <param name="progress">Receives the count of finished runs over all scenarios, or null.</param>
    /// <param name="cancellationToken">Stops the campaign.</param>
    /// <param name="maxThreads">At most this many runs at once; -1 (default) lets the thread pool choose. The summary never depends on it.</param>
    public static AscentCampaignSummary Run(
        IReadOnlyList<AscentScenario> scenarios, int runsPerScenario, int seed, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default, int maxThreads = -1)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfLessThan(scenarios.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runsPerScenario, 1);
        var expected = scenarios.Select(ExpectedProfile.For).ToArray();
        var runs = Campaign.Run(scenarios.Count * runsPerScenario, i =>
        {
            var (which, j) = Math.DivRem(i, runsPerScenario);
            var runSeed = unchecked(seed + j);
            var flown = AscentSimulator.Run(AscentDispersions.Apply(scenarios[which], runSeed), runSeed, recordEvery: 0, expected[which]);
            return new AscentRunOutcome(which, runSeed, flown.Outcome);
        }, progress, cancellationToken, maxThreads);
        return new AscentCampaignSummary([.. scenarios.Select(s => s.Name)], runsPerScenario, seed, runs);
    }
}

/// <summary>One run of a campaign: which scenario, its seed, and how it ended.</summary>
/// <param name="Scenario">Index into <see cref="AscentCampaignSummary.Scenarios"/>.</param>
/// <param name="Seed">Seed of its dispersions and noise.</param>
/// <param name="Outcome">How it ended, and the truth.</param>
public readonly record struct AscentRunOutcome(int Scenario, int Seed, AscentOutcome Outcome);

/// <summary>The termination system's score over a campaign, judged against the truth of every run.</summary>
/// <param name="Scenarios">Names of the scenarios flown.</param>
/// <param name="RunsPerScenario">Runs of each.</param>
/// <param name="Seed">Seed of run 0.</param>
/// <param name="Runs">Every run, scenario by scenario.</param>
public sealed record AscentCampaignSummary(IReadOnlyList<string> Scenarios, int RunsPerScenario, int Seed, IReadOnlyList<AscentRunOutcome> Runs)
{
    /// <summary>Terminated runs among the healthy ones (they would have reached orbit safely).</summary>
    public Proportion FalseTermination => Count(o => o.Truth.Healthy, o => o.Termination is not null);

    /// <summary>Runs never terminated among the dangerous ones.</summary>
    public Proportion MissedTermination => Count(o => o.Truth.Hazardous, o => o.Termination is null);

    /// <summary>
    /// Per-flight rates over a population whose members (the scenarios, in order) have these prior weights (any
    /// positive scale; normalised): each member's share of runs with the property, weighted. NaN for a rate whose
    /// conditioning population has no runs.
    /// </summary>
    public WeightedRates Weighted(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Count, Scenarios.Count);
        var total = weights.Sum();
        double falseTermination = 0, missed = 0, healthy = 0, dangerous = 0, terminated = 0;
        for (var i = 0; i < Scenarios.Count; i++)
        {
            var runs = Runs.Where(r => r.Scenario == i).Select(r => r.Outcome).ToList();
            var w = weights[i] / total / runs.Count;
            falseTermination += w * runs.Count(o => o.Judgement == AftsJudgement.FalseTermination);
            missed += w * runs.Count(o => o.Judgement == AftsJudgement.MissedTermination);
            healthy += w * runs.Count(o => o.Truth.Healthy);
            dangerous += w * runs.Count(o => o.Truth.Hazardous);
            terminated += w * runs.Count(o => o.Termination is not null);
        }

        return new WeightedRates(falseTermination, missed, terminated, healthy > 0 ? falseTermination / healthy : double.NaN,
            dangerous > 0 ? missed / dangerous : double.NaN);
    }

    /// <summary>How many runs got each judgement.</summary>
    public int CountOf(AftsJudgement judgement) => Runs.Count(r => r.Outcome.Judgement == judgement);

    private Proportion Count(Func<AscentOutcome, bool> among, Func<AscentOutcome, bool> counted)
    {
        var (total, count) = (0, 0);
        foreach (var run in Runs)
        {
            if (among(run.Outcome))
            {
                total++;
                count += counted(run.Outcome) ? 1 : 0;
            }
        }

        return new Proportion(count, total);
    }
}

/// <summary>Per-flight rates of a weighted population of scenarios (fractions of all flights, or of a kind of flight).</summary>
/// <param name="FalseTerminationPerFlight">Healthy flights destroyed, per flight.</param>
/// <param name="MissedTerminationPerFlight">Dangerous flights never terminated, per flight.</param>
/// <param name="TerminationPerFlight">Flights terminated, per flight.</param>
/// <param name="FalseTerminationOfHealthy">Of the healthy flights, the share destroyed; NaN with none.</param>
/// <param name="MissedTerminationOfDangerous">Of the dangerous flights, the share never terminated; NaN with none.</param>
public readonly record struct WeightedRates(
    double FalseTerminationPerFlight, double MissedTerminationPerFlight, double TerminationPerFlight, double FalseTerminationOfHealthy,
    double MissedTerminationOfDangerous);
