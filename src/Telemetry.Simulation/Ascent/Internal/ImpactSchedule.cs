namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// When to compute the impact point next: every impact cycle near a limit, less often far from one. The wait is the
/// time the point would need, at twice the speed it moved at between the last two computations, to cover its
/// margin to the nearest limit (at least one impact cycle, at most <see cref="MaxWaitS"/>); with no earlier point, or
/// none now (orbit), one impact cycle. The speed is taken as at least 0.5 km/s. A point that moves steadily cannot reach a limit between two computations.
/// </summary>
internal struct ImpactSchedule
{
    /// <summary>Longest wait between two computations (s).</summary>
    public const double MaxWaitS = 10;

    // A point that has hardly moved (a vehicle still near the pad) is assumed to move at least this fast (km/s).
    private const double MinSpeedKmS = 0.5;

    private double _timeS;
    private double _eastKm;
    private double _northKm;

    public ImpactSchedule()
    {
        (_timeS, _eastKm, _northKm) = (double.NaN, double.NaN, double.NaN);
    }

    /// <summary>Seconds until the next computation, after one at this time that put the point here with this margin (km).</summary>
    public double Next(double timeS, double eastKm, double northKm, double marginKm, double cycleS)
    {
        var wait = cycleS;
        if (!double.IsNaN(eastKm) && !double.IsNaN(_eastKm) && timeS > _timeS)
        {
            var (de, dn) = (eastKm - _eastKm, northKm - _northKm);
            var speed = Math.Sqrt((de * de) + (dn * dn)) / (timeS - _timeS);
            wait = Math.Clamp(marginKm / (2 * Math.Max(speed, MinSpeedKmS)), cycleS, MaxWaitS);
        }

        (_timeS, _eastKm, _northKm) = (timeS, eastKm, northKm);
        return wait;
    }
}
