using BenchmarkDotNet.Attributes;
using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Benchmarks.Guidance;

/// <summary>The RK4 step alone, to see how much of a descent's cost is the integrator (per step).</summary>
public class DynamicsBenchmarks
{
    private const int Steps = 10_000;

    /// <summary>Powered flight at orbital speed, 10 ms steps.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PoweredStep()
    {
        var s = new BodyState(Moon.RadiusM + 15_000, 0, -20, 1500, 700);
        for (var i = 0; i < Steps; i++)
        {
            s = Dynamics.Step(s, 1400, 0.6, -0.8, 3138, 340, Moon.Mu, 0.01, out _);
        }

        return s.RadiusM;
    }
}
