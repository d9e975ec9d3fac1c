namespace Telemetry.Simulation.Ascent;

/// <summary>Where an impact point lies against the limit lines and the protected zones, on the local map (km).</summary>
public static class SafetyMap
{
    /// <summary>How deep (km) the point lies inside the deepest protected zone: negative when outside all (−∞ with none).</summary>
    public static double ZoneDepthKm(IReadOnlyList<ProtectedZone> zones, double eastKm, double northKm)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var depth = double.NegativeInfinity;
        for (var i = 0; i < zones.Count; i++)
        {
            var z = zones[i];
            var (dx, dy) = (eastKm - z.EastKm, northKm - z.NorthKm);
            depth = Math.Max(depth, z.RadiusKm - Math.Sqrt((dx * dx) + (dy * dy)));
        }

        return depth;
    }
}

/// <summary>
/// Limit lines on the local map, held as arrays for judging every cycle: the signed distance of a point beyond the
/// nearest line (positive on a line's forbidden side), the largest over all lines. A line holds uprange of its first
/// point without end, but ends at its last: a point past the end of every line (a vehicle nearly in orbit, whose
/// impact point runs off round the Earth) is not judged (NaN).
/// </summary>
public sealed class LimitLineSet
{
    private readonly double[][] _x;
    private readonly double[][] _y;
    private readonly double[] _side;

    /// <summary>The lines, placed on the map of a launch frame.</summary>
    public LimitLineSet(IReadOnlyList<LimitLine> lines, LaunchFrame frame)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(frame);
        _x = new double[lines.Count][];
        _y = new double[lines.Count][];
        _side = new double[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var map = lines[i].Points.Select(p => frame.ToMap(p.LatitudeDeg, p.LongitudeDeg)).ToArray();
            _x[i] = [.. map.Select(m => m.EastKm)];
            _y[i] = [.. map.Select(m => m.NorthKm)];
            _side[i] = lines[i].Forbidden == LineSide.Left ? 1 : -1;
        }
    }

    /// <summary>Number of lines.</summary>
    public int Count => _x.Length;

    /// <summary>The largest signed distance (km) of the point beyond a line: positive beyond, negative inside; NaN past the end of every line or with none.</summary>
    public double BeyondKm(double eastKm, double northKm)
    {
        var worst = double.NaN;
        for (var i = 0; i < _x.Length; i++)
        {
            var beyond = BeyondKm(i, eastKm, northKm);
            worst = double.IsNaN(worst) || beyond > worst ? beyond : worst;
        }

        return worst;
    }

    /// <summary>The signed distance (km) of the point beyond line <paramref name="line"/> (its index); NaN past its last point.</summary>
    public double BeyondKm(int line, double eastKm, double northKm)
    {
        var (x, y) = (_x[line], _y[line]);
        var nearest = double.PositiveInfinity;
        var sign = 1.0;
        for (var j = 1; j < x.Length; j++)
        {
            var (ax, ay, dx, dy) = (x[j - 1], y[j - 1], x[j] - x[j - 1], y[j] - y[j - 1]);
            var length2 = (dx * dx) + (dy * dy);
            var t = length2 > 0 ? (((eastKm - ax) * dx) + ((northKm - ay) * dy)) / length2 : 0;

            if (j == x.Length - 1 && t > 1)
            {
                return double.NaN;
            }

            // The first segment extends without end uprange.
            var clamped = Math.Clamp(t, j == 1 ? double.NegativeInfinity : 0, 1);
            var (ex, ey) = (eastKm - (ax + (clamped * dx)), northKm - (ay + (clamped * dy)));
            var d2 = (ex * ex) + (ey * ey);
            if (d2 < nearest)
            {
                nearest = d2;

                // Left of the walking direction when the cross product is positive.
                sign = ((dx * (northKm - ay)) - (dy * (eastKm - ax))) >= 0 ? 1 : -1;
            }
        }

        return _side[line] * sign * Math.Sqrt(nearest);
    }
}
