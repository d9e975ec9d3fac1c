namespace Telemetry.Simulation.Core;

/// <summary>A count out of a total, with its 95 % Wilson score interval (sound near 0 and 1, unlike the normal one).</summary>
/// <param name="Count">Runs that had the property.</param>
/// <param name="Total">Runs that could have had it.</param>
public readonly record struct Proportion(int Count, int Total)
{
    private const double Z = 1.959963984540054;

    /// <summary>Count over total (0 when the total is 0).</summary>
    public double Value => Total == 0 ? 0 : (double)Count / Total;

    /// <summary>Lower end of the 95 % Wilson score interval (0 when the total is 0).</summary>
    public double WilsonLower => Wilson().Lower;

    /// <summary>Upper end of the 95 % Wilson score interval (1 when the total is 0).</summary>
    public double WilsonUpper => Wilson().Upper;

    private (double Lower, double Upper) Wilson()
    {
        if (Total == 0)
        {
            return (0, 1);
        }

        var n = (double)Total;
        var p = Value;
        var denominator = 1 + (Z * Z / n);
        var centre = (p + (Z * Z / (2 * n))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
