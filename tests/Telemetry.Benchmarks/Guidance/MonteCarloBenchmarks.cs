using BenchmarkDotNet.Attributes;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Benchmarks.Guidance;

/// <summary>
/// Monte Carlo throughput on all cores: the reported time is per run, so 10,000 runs take 10,000 times it
/// (target: 30 s or less on 2 cores, i.e. 3 ms per run).
/// </summary>
public class MonteCarloBenchmarks
{
    private const int Runs = 200;
    private Scenario _nominal = null!;

    /// <summary>Loads the scenario once.</summary>
    [GlobalSetup]
    public void Setup() => _nominal = ScenarioCatalog.Load("nominal");

    /// <summary>A 200-run campaign of dispersed nominal descents at the 10 ms step.</summary>
    [Benchmark(OperationsPerInvoke = Runs)]
    public int NominalCampaign() => MonteCarlo.Run(_nominal, Runs, seed: 1).Successes;
}
