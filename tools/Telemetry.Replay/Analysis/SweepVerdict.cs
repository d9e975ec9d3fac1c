namespace Telemetry.Replay.Analysis;

/// <summary>
/// The critical value of a sweep: the most severe fault value (largest delay, lowest first-valid altitude) such that
/// it and every milder value in the sweep land safely. Safe points beyond the first unsafe one are listed apart,
/// because a margin that has a failure inside it is not a margin.
/// </summary>
/// <param name="Critical">The critical value; null when even the mildest point fails.</param>
/// <param name="FirstUnsafe">The mildest value that fails; null when every point lands safely.</param>
/// <param name="SafeBeyond">Values more severe than <paramref name="FirstUnsafe"/> that still land safely, mildest first.</param>
internal sealed record SweepVerdict(double? Critical, double? FirstUnsafe, IReadOnlyList<double> SafeBeyond)
{
    public static SweepVerdict Find(IReadOnlyList<(double Value, bool Safe)> points, bool higherIsMoreSevere)
    {
        var ordered = higherIsMoreSevere
            ? points.OrderBy(p => p.Value).ToList()
            : points.OrderByDescending(p => p.Value).ToList();
        double? critical = null;
        var i = 0;
        for (; i < ordered.Count && ordered[i].Safe; i++)
        {
            critical = ordered[i].Value;
        }

        double? firstUnsafe = i < ordered.Count ? ordered[i].Value : null;
        var safeBeyond = ordered.Skip(i).Where(p => p.Safe).Select(p => p.Value).ToList();
        return new SweepVerdict(critical, firstUnsafe, safeBeyond);
    }
}
