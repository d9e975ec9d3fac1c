using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>
/// Closed-form Kepler results on the spherical, non-rotating Earth of the ascent model: the instantaneous impact
/// point (where the vehicle would land if its thrust stopped now, drag neglected) and the osculating perigee and apogee.
/// States are polar in the flight plane: radius, downrange angle, radial and horizontal speed.
/// </summary>
public static class Trajectory
{
    /// <summary>Mean Earth radius of the model (m).</summary>
    public const double EarthRadiusM = Earth.RadiusM;

    /// <summary>
    /// Downrange distance along the surface of the instantaneous impact point (m), or null when the trajectory never
    /// meets the surface (orbit or escape).
    /// </summary>
    /// <param name="radiusM">Distance from the Earth's centre (m).</param>
    /// <param name="angleRad">Downrange angle from the pad (rad).</param>
    /// <param name="radialSpeedMps">Radial speed (m/s, positive up).</param>
    /// <param name="horizontalSpeedMps">Horizontal speed (m/s, positive downrange).</param>
    public static double? ImpactDownrangeM(double radiusM, double angleRad, double radialSpeedMps, double horizontalSpeedMps)
    {
        // Mirror a vehicle flying uprange so the conic below always runs forward.
        var sign = horizontalSpeedMps < 0 ? -1.0 : 1.0;
        var vt = Math.Abs(horizontalSpeedMps);
        var h = radiusM * vt;
        var p = h * h / Earth.Mu;
        var eCos = (p / radiusM) - 1;
        var eSin = radialSpeedMps * h / Earth.Mu;
        var e = Math.Sqrt((eCos * eCos) + (eSin * eSin));
        if (radiusM <= Earth.RadiusM && radialSpeedMps <= 0)
        {
            return angleRad * Earth.RadiusM;
        }

        if (e < 1e-12)
        {
            return null;
        }

        var cosImpact = ((p / Earth.RadiusM) - 1) / e;
        var energy = (0.5 * ((radialSpeedMps * radialSpeedMps) + (vt * vt))) - (Earth.Mu / radiusM);
        if (cosImpact > 1 || (energy >= 0 && radialSpeedMps > 0))
        {
            // The perigee is above the surface, or the vehicle escapes on its way up.
            return null;
        }

        var now = Math.Atan2(eSin, eCos);
        if (now < 0)
        {
            now += 2 * Math.PI;
        }

        var impact = (2 * Math.PI) - Math.Acos(Math.Max(-1, cosImpact));
        var range = Math.Max(0, impact - now);
        return (angleRad + (sign * range)) * Earth.RadiusM;
    }

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

    /// <summary>A downrange distance (m) on the local map along the azimuth (deg): km east and north of the pad.</summary>
    public static (double EastKm, double NorthKm) OnMap(double downrangeM, double azimuthDeg) =>
        OnMap(downrangeM, Math.SinCos(azimuthDeg * (Math.PI / 180)));

    /// <summary>The same with the azimuth's sine and cosine computed once, for callers that judge every cycle.</summary>
    internal static (double EastKm, double NorthKm) OnMap(double downrangeM, (double Sin, double Cos) azimuth) =>
        (downrangeM / 1000 * azimuth.Sin, downrangeM / 1000 * azimuth.Cos);
}
