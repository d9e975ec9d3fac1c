namespace Telemetry.Guidance.Ascent;

/// <summary>Where an impact point lies against the corridor and the protected zones, on the local map (km).</summary>
public static class SafetyMap
{
    /// <summary>Distance (km) from the point to the corridor's edge: positive outside, negative inside.</summary>
    public static double OutsideCorridorKm(IReadOnlyList<MapPoint> corridor, double eastKm, double northKm)
    {
        ArgumentNullException.ThrowIfNull(corridor);
        var inside = false;
        var nearest = double.PositiveInfinity;
        for (int i = 0, j = corridor.Count - 1; i < corridor.Count; j = i++)
        {
            var (ax, ay, bx, by) = (corridor[j].EastKm, corridor[j].NorthKm, corridor[i].EastKm, corridor[i].NorthKm);
            if ((by > northKm) != (ay > northKm) && eastKm < ((ax - bx) * (northKm - by) / (ay - by)) + bx)
            {
                inside = !inside;
            }

            nearest = Math.Min(nearest, SegmentDistanceSquared(eastKm, northKm, ax, ay, bx, by));
        }

        var distance = Math.Sqrt(nearest);
        return inside ? -distance : distance;
    }

    /// <summary>How deep (km) the point lies inside the deepest protected zone: negative when outside all (−∞ with none).</summary>
    public static double ZoneDepthKm(IReadOnlyList<ProtectedZone> zones, double eastKm, double northKm)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var depth = double.NegativeInfinity;
        foreach (var z in zones)
        {
            var d = z.RadiusKm - Math.Sqrt(Sq(eastKm - z.EastKm) + Sq(northKm - z.NorthKm));
            depth = Math.Max(depth, d);
        }

        return depth;
    }

    private static double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var length = (dx * dx) + (dy * dy);
        var t = length > 0 ? Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / length, 0, 1) : 0;
        return Sq(px - (ax + (t * dx))) + Sq(py - (ay + (t * dy)));
    }

    private static double Sq(double x) => x * x;
}
