namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The flight the termination system's expectation comes from: the scenario's vehicle with no faults, no navigation
/// errors and no termination system, flown over the performance rule's window and sampled every judgement cycle.
/// </summary>
internal static class ReferenceFlight
{
    public static ExpectedProfile Profile(AscentScenario scenario)
    {
        var cycle = scenario.StepS * Math.Max(1, (int)Math.Round(scenario.Afts.CycleS / scenario.StepS));
        var reference = scenario with
        {
            Faults = new AscentFaults(),
            Navigation = new AscentNavigation
            {
                PositionNoiseM = 0, VelocityNoiseMps = 0, AttitudeNoiseDeg = 0, RateNoiseDegPerS = 0, AccelerationNoiseMps2 = 0,
            },
            Afts = scenario.Afts with { Enabled = false },
            MaxDurationS = Math.Min(scenario.MaxDurationS, scenario.Afts.Performance.ArmedUntilS + (2 * cycle)),
        };
        var steps = (int)Math.Round(cycle / scenario.StepS);
        var samples = new AscentRun(reference, 0, steps, new ExpectedProfile(cycle, [0, 0], [0, 0])).Run().Trajectory;

        // Sample j lies at (j + 1) cycles; lift-off itself expects the first sample's acceleration at rest.
        var acceleration = new double[samples.Count + 1];
        var speed = new double[samples.Count + 1];
        acceleration[0] = samples.Count > 0 ? samples[0].SensedAccelerationMps2 : 0;
        for (var i = 0; i < samples.Count; i++)
        {
            acceleration[i + 1] = samples[i].SensedAccelerationMps2;
            speed[i + 1] = samples[i].GroundSpeedMps;
        }

        return new ExpectedProfile(cycle, acceleration, speed);
    }
}
