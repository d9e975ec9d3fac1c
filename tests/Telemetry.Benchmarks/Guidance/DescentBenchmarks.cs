using BenchmarkDotNet.Attributes;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Benchmarks.Guidance;

/// <summary>
/// One full <c>resilience-m2</c> descent at the 10 ms step (target: 20 ms or less), with and without a recorded
/// trajectory; the run without one must not allocate per step.
/// </summary>
public class DescentBenchmarks
{
    private Scenario _resilience = null!;
    private Scenario _nominal = null!;

    /// <summary>Loads the scenarios once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _resilience = ScenarioCatalog.Load("resilience-m2");
        _nominal = ScenarioCatalog.Load("nominal");
    }

    /// <summary>Resilience descent, no trajectory kept (what Monte Carlo runs).</summary>
    [Benchmark(Baseline = true)]
    public Outcome ResilienceDescent() => DescentSimulator.Run(_resilience, seed: 1, recordEvery: 0).Outcome;

    /// <summary>Resilience descent keeping every 10th step for plots.</summary>
    [Benchmark]
    public int ResilienceDescentRecorded() => DescentSimulator.Run(_resilience, seed: 1, recordEvery: 10).Trajectory.Count;

    /// <summary>Nominal descent to a soft touchdown, no trajectory kept.</summary>
    [Benchmark]
    public Outcome NominalDescent() => DescentSimulator.Run(_nominal, seed: 1, recordEvery: 0).Outcome;
}
