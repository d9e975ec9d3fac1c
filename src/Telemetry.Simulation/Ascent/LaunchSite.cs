namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The launch pad and the launch azimuth. The Earth is a non-rotating sphere; the pad's eastward speed (about
/// 390 m/s at Kii's latitude) is left out, and with a near-southward azimuth less than a fifth of it lies in the
/// flight plane anyway (see docs/kairos.md).
/// </summary>
public sealed record LaunchSite
{
    /// <summary>Geodetic latitude of the pad (deg). Default: 33.54 (Spaceport Kii, Kushimoto).</summary>
    public double LatitudeDeg { get; init; } = 33.54;

    /// <summary>Longitude of the pad (deg east). Default: 135.89.</summary>
    public double LongitudeDeg { get; init; } = 135.89;

    /// <summary>Launch azimuth, clockwise from north (deg). Default: 175 (south over the Pacific; chosen).</summary>
    public double AzimuthDeg { get; init; } = 190.5;
}
