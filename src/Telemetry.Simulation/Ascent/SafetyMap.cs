namespace Telemetry.Simulation.Ascent;

/// <summary>Where an impact point lies against the corridor and the protected zones, on the local map (km).</summary>
public static class SafetyMap
{
    /// <summary>Distance (km) from the point to the corridor's edge: positive outside, negative inside.</summary>
    public static double OutsideCorridorKm(IReadOnlyList<MapPoint> corridor, double eastKm, double northKm) =>
        new CorridorShape(corridor).OutsideKm(eastKm, northKm);

    /// <summary>How deep (km) the point lies inside the deepest protected zone: negative when outside all (−∞ with none).</summary>
    public static double ZoneDepthKm(IReadOnlyList<ProtectedZone> zones, double eastKm, double northKm)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var depth = double.NegativeInfinity;

        // Indexed: a foreach over the interface would allocate an enumerator on every judgement cycle.
        for (var i = 0; i < zones.Count; i++)
        {
            var z = zones[i];
            var (dx, dy) = (eastKm - z.EastKm, northKm - z.NorthKm);
            depth = Math.Max(depth, z.RadiusKm - Math.Sqrt((dx * dx) + (dy * dy)));
        }

        return depth;
    }
}

/// <summary>A corridor polygon held as arrays with its edges' inverse squared lengths, for judging every cycle.</summary>
public sealed class CorridorShape
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _inverseLength2;

    /// <summary>The polygon of these points (km east and north of the pad), closed from the last point to the first.</summary>
    public CorridorShape(IReadOnlyList<MapPoint> corridor)
    {
        ArgumentNullException.ThrowIfNull(corridor);
        _x = [.. corridor.Select(p => p.EastKm)];
        _y = [.. corridor.Select(p => p.NorthKm)];
        _inverseLength2 = new double[_x.Length];
        for (int i = 0, j = _x.Length - 1; i < _x.Length; j = i++)
        {
            var length2 = ((_x[i] - _x[j]) * (_x[i] - _x[j])) + ((_y[i] - _y[j]) * (_y[i] - _y[j]));
            _inverseLength2[i] = length2 > 0 ? 1 / length2 : 0;
        }
    }

    /// <summary>Distance (km) from the point to the edge: positive outside, negative inside (ray casting, nearest edge).</summary>
    public double OutsideKm(double eastKm, double northKm)
    {
        var inside = false;
        var nearest = double.PositiveInfinity;
        var (x, y) = (_x, _y);
        for (int i = 0, j = x.Length - 1; i < x.Length; j = i++)
        {
            var (ax, ay, bx, by) = (x[j], y[j], x[i], y[i]);
            if ((by > northKm) != (ay > northKm) && eastKm < ((ax - bx) * (northKm - by) / (ay - by)) + bx)
            {
                inside = !inside;
            }

            var (dx, dy) = (bx - ax, by - ay);
            var t = Math.Clamp((((eastKm - ax) * dx) + ((northKm - ay) * dy)) * _inverseLength2[i], 0, 1);
            var (ex, ey) = (eastKm - (ax + (t * dx)), northKm - (ay + (t * dy)));
            nearest = Math.Min(nearest, (ex * ex) + (ey * ey));
        }

        var distance = Math.Sqrt(nearest);
        return inside ? -distance : distance;
    }
}
