using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;

namespace Telemetry.Replay.Analysis;

/// <summary>One ascent per value of a termination setting, same seed, in parallel.</summary>
internal static class AscentSweep
{
    public static AscentSweepResult Run(
        AscentScenario scenario, AftsSetting setting, IReadOnlyList<double> values, int seed, IProgress<int>? progress, CancellationToken ct)
    {
        // The expectation belongs to the vehicle, not to the swept setting, unless the setting is the expectation itself.
        var expected = setting.Rule is null ? null : ExpectedProfile.For(scenario);
        var outcomes = Campaign.Run(values.Count, i =>
            AscentSimulator.Run(setting.Apply(scenario, values[i]), seed, recordEvery: 0, expected).Outcome, progress, ct);
        return new AscentSweepResult(scenario, setting, seed, values, outcomes);
    }
}

/// <summary>A finished sweep: the values in the order swept and each run's outcome.</summary>
internal sealed record AscentSweepResult(
    AscentScenario Scenario, AftsSetting Setting, int Seed, IReadOnlyList<double> Values, IReadOnlyList<AscentOutcome> Outcomes)
{
    /// <summary>The values at which the termination system judged rightly (flown or warranted).</summary>
    public IEnumerable<double> Right => Values.Where((_, i) => IsRight(Outcomes[i]));

    public static bool IsRight(AscentOutcome o) => o.Judgement is AftsJudgement.CorrectlyFlown or AftsJudgement.WarrantedTermination;

    public string Verdict
    {
        get
        {
            var right = Right.ToList();
            var judgement = Outcomes.Count > 0 ? Outcomes[0].Truth.Healthy ? "healthy" : "dangerous or unable to reach orbit" : "";
            return right.Count == 0
                ? $"At no value of {Setting.Name} swept does the termination system judge this {judgement} flight rightly."
                : right.Count == Values.Count
                    ? $"At every value of {Setting.Name} swept the termination system judges this {judgement} flight rightly."
                    : $"The termination system judges this {judgement} flight rightly for {Setting.Name} = " +
                      $"{string.Join(", ", right.Select(Setting.Format))} {Setting.Unit}, and wrongly for the other {Values.Count - right.Count} value(s).";
        }
    }
}
