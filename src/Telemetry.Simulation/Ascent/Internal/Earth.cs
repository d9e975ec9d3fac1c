namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>A spherical Earth turning about its axis (the inertial frame's Z axis) at the sidereal rate.</summary>
internal static class Earth
{
    /// <summary>Mean radius (m).</summary>
    public const double RadiusM = 6_371_000;

    /// <summary>Gravitational parameter (m³/s²).</summary>
    public const double Mu = 3.986004418e14;

    /// <summary>Standard gravity for specific impulse (m/s²).</summary>
    public const double G0 = 9.80665;

    /// <summary>Sidereal rotation rate (rad/s).</summary>
    public const double RotationRadS = 7.2921159e-5;

    /// <summary>Gravitational acceleration at a position (m/s²), central.</summary>
    public static Vec3 Gravity(in Vec3 p)
    {
        var r2 = Vec3.Dot(p, p);
        var r = Math.Sqrt(r2);
        return p * (-Mu / (r2 * r));
    }
}
