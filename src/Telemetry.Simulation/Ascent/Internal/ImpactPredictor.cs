namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The instantaneous impact point with drag: where debris of a given ballistic coefficient would strike the turning
/// Earth if the thrust stopped now. The fall is integrated (RK4, central gravity, drag against the air that turns
/// with the Earth, no wind) in steps of up to 20 s above the atmosphere (none crossing far into it) and, inside it, a quarter of the time the current
/// vertical speed would take to the surface (0.2 s to 10 s; slow light debris near the ground takes long steps, as its
/// fall is then steady) and at most half the drag's time constant, the last step cut at the surface; the strike point goes on the local map at the strike time. Trajectories whose vacuum perigee lies above
/// 120 km, or that take more than half an hour to come down (a vehicle nearly in orbit), count as orbital: NaN.
/// </summary>
internal sealed class ImpactPredictor(LaunchFrame frame)
{
    private const double OrbitPerigeeM = 120_000;
    private const double MaxFallS = 1_800;

    /// <summary>The impact point (km east, km north of the pad), NaN in orbit; and the fall's duration (s).</summary>
    public (double EastKm, double NorthKm, double FallS) Predict(in Vec3 position, in Vec3 velocity, double timeS, double ballisticKgM2)
    {
        var r = position.Length;
        var vr = Vec3.Dot(position, velocity) / r;
        var vt = Math.Sqrt(Math.Max(0, Vec3.Dot(velocity, velocity) - (vr * vr)));
        if (Trajectory.Apsides(r, vr, vt).PerigeeM > OrbitPerigeeM)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var k = 0.5 / ballisticKgM2;
        var (p, v, t) = (position, velocity, 0.0);
        while (true)
        {
            if (t > MaxFallS)
            {
                return (double.NaN, double.NaN, double.NaN);
            }

            var altitude = p.Length - Earth.RadiusM;
            if (altitude <= 0)
            {
                break;
            }

            var down = Math.Max(1, -Vec3.Dot(p, v) / (altitude + Earth.RadiusM));
            var h = altitude >= Atmosphere.TopM
                ? Math.Clamp((altitude - Atmosphere.TopM + 1_000) / down, 1, 20)
                : Math.Clamp(0.25 * altitude / down, 0.2, 10);
            if (altitude < Atmosphere.TopM)
            {
                // Within half the drag's time constant, 2β / (ρ v), where it is stiff.
                Atmosphere.At(altitude, out var density, out _);
                h = Math.Max(0.05, Math.Min(h, 0.5 / (2 * k * density * (v - p.Spin()).Length + 1e-9)));
            }

            var (a1, b1) = (v, Accel(p, v, k));
            var (a2, b2) = (v + (b1 * (0.5 * h)), Accel(p + (a1 * (0.5 * h)), v + (b1 * (0.5 * h)), k));
            var (a3, b3) = (v + (b2 * (0.5 * h)), Accel(p + (a2 * (0.5 * h)), v + (b2 * (0.5 * h)), k));
            var (a4, b4) = (v + (b3 * h), Accel(p + (a3 * h), v + (b3 * h), k));
            var pNext = p + ((a1 + (2 * a2) + (2 * a3) + a4) * (h / 6));
            var vNext = v + ((b1 + (2 * b2) + (2 * b3) + b4) * (h / 6));
            var below = pNext.Length - Earth.RadiusM;
            if (below <= 0)
            {
                // Cut the last step where it meets the surface.
                var f = altitude / (altitude - below);
                (p, t) = (p + ((pNext - p) * f), t + (f * h));
                break;
            }

            (p, v, t) = (pNext, vNext, t + h);
        }

        var (east, north) = frame.MapOf(p, timeS + t);
        return (east, north, t);
    }

    private static Vec3 Accel(in Vec3 p, in Vec3 v, double k)
    {
        var gravity = Earth.Gravity(p);
        var altitude = p.Length - Earth.RadiusM;
        if (altitude >= Atmosphere.TopM)
        {
            return gravity;
        }

        Atmosphere.At(Math.Max(0, altitude), out var density, out _);
        var air = v - p.Spin();
        return gravity - (air * (k * density * air.Length));
    }
}
