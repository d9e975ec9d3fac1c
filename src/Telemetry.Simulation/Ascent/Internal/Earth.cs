namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>A spherical, non-rotating Earth.</summary>
internal static class Earth
{
    /// <summary>Mean radius (m).</summary>
    public const double RadiusM = 6_371_000;

    /// <summary>Gravitational parameter (m³/s²).</summary>
    public const double Mu = 3.986004418e14;

    /// <summary>Standard gravity for specific impulse (m/s²).</summary>
    public const double G0 = 9.80665;
}
