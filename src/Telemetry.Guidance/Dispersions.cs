namespace Telemetry.Guidance;

/// <summary>Samples a dispersed scenario for Monte Carlo runs.</summary>
public static class Dispersions
{
    /// <summary>
    /// Returns the scenario with IMU bias, thrust scale, LRF noise and initial state drawn from normal distributions
    /// with the standard deviations in <see cref="Scenario.Dispersion"/>. Deterministic for a given seed.
    /// </summary>
    public static Scenario Apply(Scenario nominal, int seed)
    {
        ArgumentNullException.ThrowIfNull(nominal);
        throw new NotImplementedException();
    }
}
