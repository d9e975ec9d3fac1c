using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>
/// Closed-form Kepler results on the spherical Earth of the ascent model: the osculating perigee and apogee of a state
/// given as radius, radial and horizontal inertial speed. (The impact point, with drag, is integrated: see docs/kairos.md.)
/// </summary>
public static class Trajectory
{
    /// <summary>Mean Earth radius of the model (m).</summary>
    public const double EarthRadiusM = Earth.RadiusM;

    /// <summary>Perigee and apogee altitudes (m) of the osculating conic; the apogee is infinite for escape.</summary>
    public static (double PerigeeM, double ApogeeM) Apsides(double radiusM, double radialSpeedMps, double horizontalSpeedMps)
    {
        var h = radiusM * horizontalSpeedMps;
        var energy = (0.5 * ((radialSpeedMps * radialSpeedMps) + (horizontalSpeedMps * horizontalSpeedMps))) - (Earth.Mu / radiusM);
        var e = Math.Sqrt(Math.Max(0, 1 + (2 * energy * h * h / (Earth.Mu * Earth.Mu))));
        var p = h * h / Earth.Mu;
        var perigee = p / (1 + e);
        var apogee = e < 1 ? p / (1 - e) : double.PositiveInfinity;
        return (perigee - Earth.RadiusM, apogee - Earth.RadiusM);
    }
}
