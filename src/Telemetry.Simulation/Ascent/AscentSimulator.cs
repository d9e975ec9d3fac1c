namespace Telemetry.Simulation.Ascent;

/// <summary>Flies one ascent.</summary>
public static class AscentSimulator
{
    /// <summary>
    /// Runs a scenario to orbit, termination (then on, unseen, to learn what the vehicle would have done), impact or
    /// timeout. Deterministic for a given scenario and seed, bit for bit.
    /// </summary>
    /// <param name="scenario">What to fly.</param>
    /// <param name="seed">Seed of the navigation noise.</param>
    /// <param name="recordEvery">Keep every Nth step in <see cref="AscentResult.Trajectory"/>, on judgement cycles (0 = none). Default: 10.</param>
    /// <param name="expected">The termination system's expected profile; null flies the scenario's reference flight for it.</param>
    public static AscentResult Run(AscentScenario scenario, int seed = 0, int recordEvery = 10, ExpectedProfile? expected = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(recordEvery);
        return new Internal.AscentRun(scenario, seed, recordEvery, expected ?? ExpectedProfile.For(scenario)).Run();
    }
}
