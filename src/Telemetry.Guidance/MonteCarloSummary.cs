namespace Telemetry.Guidance;

/// <summary>Result of a Monte Carlo campaign.</summary>
/// <param name="Runs">Runs flown.</param>
/// <param name="Successes">Runs that ended in a soft touchdown.</param>
/// <param name="Outcomes">Each run's outcome, indexed by run number (run i uses seed <c>seed + i</c>).</param>
public sealed record MonteCarloSummary(int Runs, int Successes, IReadOnlyList<Outcome> Outcomes)
{
    /// <summary>Successes over runs (0 when there are no runs).</summary>
    public double Probability => Runs == 0 ? 0 : (double)Successes / Runs;

    /// <summary>Lower end of the 95 % Wilson score interval of <see cref="Probability"/>.</summary>
    public double WilsonLower => Wilson().Lower;

    /// <summary>Upper end of the 95 % Wilson score interval of <see cref="Probability"/>.</summary>
    public double WilsonUpper => Wilson().Upper;

    private (double Lower, double Upper) Wilson()
    {
        if (Runs == 0)
        {
            return (0, 1);
        }

        const double Z = 1.959963984540054;
        var n = (double)Runs;
        var p = Probability;
        var denominator = 1 + (Z * Z / n);
        var centre = (p + (Z * Z / (2 * n))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
