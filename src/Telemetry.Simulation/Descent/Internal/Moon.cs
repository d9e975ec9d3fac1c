namespace Telemetry.Simulation.Descent.Internal;

/// <summary>Physical constants of the model.</summary>
internal static class Moon
{
    /// <summary>Lunar gravitational parameter (m³/s²).</summary>
    public const double Mu = 4.9048695e12;

    /// <summary>Reference sphere radius (m).</summary>
    public const double RadiusM = 1_737_400;

    /// <summary>Standard gravity used to turn Isp into exhaust speed (m/s²).</summary>
    public const double G0 = 9.80665;
}
