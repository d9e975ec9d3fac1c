using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Output;

namespace Telemetry.Replay.Analysis;

/// <summary>A finished Monte Carlo campaign: what was flown and what came of it.</summary>
internal sealed record MonteCarloCampaign(Scenario Scenario, int Seed, MonteCarloSummary Summary)
{
    /// <summary>Vertical speeds at contact of the runs that reached the surface (timeouts have none), sorted.</summary>
    public double[] ContactSpeedsMps { get; } =
        [.. Summary.Outcomes.Where(o => o.Kind != OutcomeKind.Timeout).Select(o => o.VerticalSpeedMps).Order()];

    public string Verdict =>
        $"Success probability {Number.Percent(Summary.Probability)} ({Summary.Successes} of {Summary.Runs} runs); " +
        $"95 % Wilson interval {Number.Percent(Summary.WilsonLower)} to {Number.Percent(Summary.WilsonUpper)}.";

    /// <summary>The q-quantile (0..1) of the contact speeds by the nearest-rank method, or NaN when none reached the surface.</summary>
    public double ContactSpeedQuantile(double q) =>
        ContactSpeedsMps.Length == 0 ? double.NaN : ContactSpeedsMps[Math.Clamp((int)Math.Ceiling(q * ContactSpeedsMps.Length) - 1, 0, ContactSpeedsMps.Length - 1)];
}
