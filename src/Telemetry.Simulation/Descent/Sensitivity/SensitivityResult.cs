namespace Telemetry.Simulation.Descent.Sensitivity;

/// <summary>One parameter at the two ends of its range, the rest as in the scenario: every figure at each end.</summary>
/// <param name="Parameter">The parameter varied.</param>
/// <param name="AtLow">Figures (in <see cref="SensitivityFigure"/> order) at <see cref="SensitivityParameter.Low"/>.</param>
/// <param name="AtHigh">Figures at <see cref="SensitivityParameter.High"/>.</param>
public sealed record OneAtATimeRun(SensitivityParameter Parameter, IReadOnlyList<double?> AtLow, IReadOnlyList<double?> AtHigh);

/// <summary>One Latin-hypercube run: every parameter's value and every figure.</summary>
/// <param name="Values">Parameter values as flown (counts rounded), in <see cref="SensitivityResult.Parameters"/> order.</param>
/// <param name="Figures">Figures, in <see cref="SensitivityFigure"/> order.</param>
public sealed record LatinHypercubeRun(IReadOnlyList<double> Values, IReadOnlyList<double?> Figures);

/// <summary>One bar of a tornado: a figure at the low and at the high end of one parameter's range.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="AtLow">The figure with the parameter at the low end.</param>
/// <param name="AtHigh">The figure with the parameter at the high end.</param>
public sealed record TornadoBar(SensitivityParameter Parameter, double AtLow, double AtHigh)
{
    /// <summary>How far the figure moves across the range: |AtHigh − AtLow|.</summary>
    public double Swing => Math.Abs(AtHigh - AtLow);
}

/// <summary>The spread of one figure over the Latin-hypercube runs that have it.</summary>
/// <param name="Runs">Runs with a value.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="P5">5th percentile (linear between order statistics).</param>
/// <param name="Median">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Max">Largest value.</param>
public sealed record FigureSpread(int Runs, double Min, double P5, double Median, double P95, double Max);

/// <summary>Everything a sensitivity analysis produced.</summary>
/// <param name="Scenario">The scenario analysed.</param>
/// <param name="Seed">Noise seed of every run and seed of the sample.</param>
/// <param name="Parameters">The parameters varied.</param>
/// <param name="Baseline">Figures of the scenario as it is.</param>
/// <param name="OneAtATime">Each parameter at both ends of its range.</param>
/// <param name="Sample">The Latin-hypercube runs.</param>
public sealed record SensitivityResult(
    Scenario Scenario, int Seed, IReadOnlyList<SensitivityParameter> Parameters, IReadOnlyList<double?> Baseline,
    IReadOnlyList<OneAtATimeRun> OneAtATime, IReadOnlyList<LatinHypercubeRun> Sample)
{
    /// <summary>
    /// The tornado of one figure: a bar per parameter whose two ends both have the figure, the widest swing first (ties
    /// keep the parameters' order).
    /// </summary>
    public IReadOnlyList<TornadoBar> Tornado(SensitivityFigure figure) =>
        [.. OneAtATime
            .Where(r => r.AtLow[(int)figure] is not null && r.AtHigh[(int)figure] is not null)
            .Select(r => new TornadoBar(r.Parameter, r.AtLow[(int)figure]!.Value, r.AtHigh[(int)figure]!.Value))
            .OrderByDescending(b => b.Swing)];

    /// <summary>The figure's spread over the sample, or null when no run has it.</summary>
    public FigureSpread? Spread(SensitivityFigure figure)
    {
        var values = Sample.Select(r => r.Figures[(int)figure]).OfType<double>().Order().ToArray();
        return values.Length == 0
            ? null
            : new FigureSpread(values.Length, values[0], Quantile(values, 0.05), Quantile(values, 0.5), Quantile(values, 0.95), values[^1]);
    }

    /// <summary>
    /// Spearman's rank correlation of each parameter with the figure over the sample (runs without the figure left out;
    /// NaN when fewer than three runs have it or either ranking is constant), in <see cref="Parameters"/> order.
    /// </summary>
    public IReadOnlyList<double> RankCorrelations(SensitivityFigure figure)
    {
        var runs = Sample.Where(r => r.Figures[(int)figure] is not null).ToList();
        var figureRanks = Ranks([.. runs.Select(r => r.Figures[(int)figure]!.Value)]);
        return [.. Parameters.Select((_, j) => runs.Count < 3 ? double.NaN : Pearson(Ranks([.. runs.Select(r => r.Values[j])]), figureRanks))];
    }

    private static double Quantile(double[] sorted, double q)
    {
        var x = q * (sorted.Length - 1);
        var i = (int)Math.Floor(x);
        return i + 1 < sorted.Length ? sorted[i] + ((x - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }

    // Average ranks, so tied values (a figure that saturates) share one rank.
    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = 0.5 * (start + end);
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
