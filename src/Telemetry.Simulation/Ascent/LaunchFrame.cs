using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>
/// Geometry of a launch over the spherical, rotating Earth: the inertial frame coincides with the Earth-fixed one at
/// lift-off (Z along the axis, X through longitude 0); the launch plane holds the pad and the launch azimuth. Its local
/// axes at a position are up, downrange (in the plane, horizontal) and left of the azimuth (east for a southward launch).
/// Ground points go on a local map in km east and north of the pad (east distances at each point's own latitude).
/// </summary>
public sealed class LaunchFrame
{
    private const double DegToRad = Math.PI / 180;
    private readonly double _latRad;
    private readonly double _lonRad;
    private readonly Vec3 _up0;
    private readonly Vec3 _down0;

    /// <summary>The frame of a launch site.</summary>
    public LaunchFrame(LaunchSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        (_latRad, _lonRad) = (site.LatitudeDeg * DegToRad, site.LongitudeDeg * DegToRad);
        var (sinLat, cosLat) = Math.SinCos(_latRad);
        var (sinLon, cosLon) = Math.SinCos(_lonRad);
        var (sinAz, cosAz) = Math.SinCos(site.AzimuthDeg * DegToRad);
        _up0 = new Vec3(cosLat * cosLon, cosLat * sinLon, sinLat);
        var east = new Vec3(-sinLon, cosLon, 0);
        var north = new Vec3(-sinLat * cosLon, -sinLat * sinLon, cosLat);
        _down0 = (sinAz * east) + (cosAz * north);
        Normal = Vec3.Cross(_up0, _down0);
        Pad = _up0 * Earth.RadiusM;
    }

    /// <summary>The pad at lift-off (m, inertial).</summary>
    public Vec3 Pad { get; }

    /// <summary>Unit normal of the launch plane: left of the azimuth.</summary>
    public Vec3 Normal { get; }

    /// <summary>Local axes at a position: up, downrange (horizontal, in the launch plane's direction) and left.</summary>
    internal (Vec3 Up, Vec3 Down, Vec3 Left) Axes(in Vec3 position)
    {
        var up = position.Unit;
        var down = Vec3.Cross(Normal, up).Unit;
        return (up, down, Vec3.Cross(up, down));
    }

    /// <summary>A position at a time since lift-off in the Earth-fixed frame (m).</summary>
    public static Vec3 ToEarthFixed(in Vec3 position, double timeS)
    {
        var (sin, cos) = Math.SinCos(Earth.RotationRadS * timeS);
        return new Vec3((position.X * cos) + (position.Y * sin), (position.Y * cos) - (position.X * sin), position.Z);
    }

    /// <summary>Latitude and longitude (deg) of the ground point below an inertial position at a time since lift-off.</summary>
    public static (double LatitudeDeg, double LongitudeDeg) LatLon(in Vec3 position, double timeS)
    {
        var p = ToEarthFixed(position, timeS);
        return (Math.Asin(p.Z / p.Length) / DegToRad, Math.Atan2(p.Y, p.X) / DegToRad);
    }

    /// <summary>A ground point on the local map: km east and north of the pad.</summary>
    public (double EastKm, double NorthKm) ToMap(double latitudeDeg, double longitudeDeg)
    {
        var lat = latitudeDeg * DegToRad;
        var dLon = Math.IEEERemainder((longitudeDeg * DegToRad) - _lonRad, 2 * Math.PI);
        const double Km = Earth.RadiusM / 1000;
        return (dLon * Math.Cos(lat) * Km, (lat - _latRad) * Km);
    }

    /// <summary>The inverse of <see cref="ToMap"/>: latitude and longitude (deg) of a map point.</summary>
    public (double LatitudeDeg, double LongitudeDeg) FromMap(double eastKm, double northKm)
    {
        const double Km = Earth.RadiusM / 1000;
        var lat = _latRad + (northKm / Km);
        return (lat / DegToRad, (_lonRad + (eastKm / Km / Math.Cos(lat))) / DegToRad);
    }

    /// <summary>The ground point below an inertial position at a time, on the local map (km east, km north).</summary>
    public (double EastKm, double NorthKm) MapOf(in Vec3 position, double timeS)
    {
        var (lat, lon) = LatLon(position, timeS);
        return ToMap(lat, lon);
    }

    /// <summary>
    /// Distance (m) along the ground from the pad in the azimuth's direction, and across it (positive left), of the
    /// ground point below an inertial position at a time.
    /// </summary>
    public (double DownrangeM, double CrossrangeM) Ground(in Vec3 position, double timeS)
    {
        var p = ToEarthFixed(position, timeS);
        var r = p.Length;
        return (Math.Atan2(Vec3.Dot(p, _down0), Vec3.Dot(p, _up0)) * Earth.RadiusM, Math.Asin(Vec3.Dot(p, Normal) / r) * Earth.RadiusM);
    }
}
