namespace Telemetry.Simulation.Descent;

/// <summary>Flies one descent.</summary>
public static class DescentSimulator
{
    /// <summary>
    /// Runs a scenario to contact or timeout. Deterministic for a given scenario and seed, bit for bit.
    /// </summary>
    /// <param name="scenario">What to fly.</param>
    /// <param name="seed">Seed of the sensor noise and dropouts.</param>
    /// <param name="recordEvery">Keep every Nth step in <see cref="DescentResult.Trajectory"/> (0 = none). Default: 10.</param>
    public static DescentResult Run(Scenario scenario, int seed = 0, int recordEvery = 10)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(recordEvery);
        return new Internal.DescentRun(scenario, seed, recordEvery).Run();
    }
}
