namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The launch pad and the launch azimuth over the spherical, rotating Earth of the model (the pad's eastward speed,
/// about 386 m/s at Kii, is the vehicle's speed at lift-off; see docs/kairos.md).
/// </summary>
public sealed record LaunchSite
{
    /// <summary>Geodetic latitude of the pad (deg). Default: 33.54 (Spaceport Kii, Kushimoto).</summary>
    public double LatitudeDeg { get; init; } = 33.54;

    /// <summary>Longitude of the pad (deg east). Default: 135.89.</summary>
    public double LongitudeDeg { get; init; } = 135.89;

    /// <summary>Launch azimuth, clockwise from north (deg). Default: 190.5 (south over the Pacific; chosen for a sun-synchronous inclination of about 97.2°).</summary>
    public double AzimuthDeg { get; init; } = 190.5;
}
