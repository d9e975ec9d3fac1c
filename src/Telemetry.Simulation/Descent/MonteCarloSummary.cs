using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Descent;

/// <summary>Result of a Monte Carlo campaign.</summary>
/// <param name="Runs">Runs flown.</param>
/// <param name="Successes">Runs that ended in a soft touchdown.</param>
/// <param name="Outcomes">Each run's outcome, indexed by run number (run i uses seed <c>seed + i</c>).</param>
public sealed record MonteCarloSummary(int Runs, int Successes, IReadOnlyList<Outcome> Outcomes)
{
    /// <summary>Successes over runs (0 when there are no runs).</summary>
    public double Probability => Success.Value;

    /// <summary>Lower end of the 95 % Wilson score interval of <see cref="Probability"/>.</summary>
    public double WilsonLower => Success.WilsonLower;

    /// <summary>Upper end of the 95 % Wilson score interval of <see cref="Probability"/>.</summary>
    public double WilsonUpper => Success.WilsonUpper;

    /// <summary>Successes out of runs, with the interval.</summary>
    public Proportion Success => new(Successes, Runs);
}
