using BenchmarkDotNet.Attributes;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Benchmarks.Guidance;

/// <summary>
/// One full <c>kairos-nominal</c> ascent to orbit at the 10 ms step (target: 20 ms or less), with and without its
/// reference flight and a recorded trajectory; and a 100-run campaign whose per-run time times 10,000 is the
/// 10,000-run Monte Carlo (target: 30 s or less on 2 cores).
/// </summary>
public class AscentBenchmarks
{
    private const int Runs = 100;
    private AscentScenario _nominal = null!;
    private AscentScenario _f2 = null!;
    private ExpectedProfile _expected = null!;

    /// <summary>Loads the scenarios and the expected profile once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _nominal = AscentScenarioCatalog.Load("kairos-nominal");
        _f2 = AscentScenarioCatalog.Load("kairos-f2");
        _expected = ExpectedProfile.For(_nominal);
    }

    /// <summary>Nominal ascent to orbit, expected profile given, no trajectory kept (what Monte Carlo runs).</summary>
    [Benchmark(Baseline = true)]
    public AscentOutcome NominalAscent() => AscentSimulator.Run(_nominal, seed: 1, recordEvery: 0, _expected).Outcome;

    /// <summary>What <c>run</c> does: the reference flight for the expectation, then the ascent keeping every 10th step.</summary>
    [Benchmark]
    public int NominalAscentAsRun() => AscentSimulator.Run(_nominal, seed: 1, recordEvery: 10).Trajectory.Count;

    /// <summary>A campaign of 50 nominal and 50 stuck-nozzle runs on all cores; reported per run.</summary>
    [Benchmark(OperationsPerInvoke = Runs)]
    public int Campaign() => AscentMonteCarlo.Run([_nominal, _f2], Runs / 2, seed: 1).Runs.Count;
}
