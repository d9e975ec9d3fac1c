using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Simulation.Descent.Sensitivity;

/// <summary>
/// How each outcome figure moves across the plausible ranges of the unpublished parameters: one at a time (each at the
/// ends of its range, the rest as in the scenario) and all together (a Latin-hypercube sample). Every run flies the same
/// noise seed, so only the parameters differ between runs.
/// </summary>
public static class SensitivityAnalysis
{
    // Its own stream: the sample never shares numbers with the sensor noise of the same seed.
    private const ulong LatinHypercubeStream = 21;

    /// <summary>Flies the baseline, two runs per parameter and <paramref name="samples"/> Latin-hypercube runs, in parallel.</summary>
    /// <param name="scenario">The scenario; the parameters that act on it are varied (<see cref="SensitivityParameters.For"/>).</param>
    /// <param name="samples">Latin-hypercube runs (at least 2).</param>
    /// <param name="seed">Noise seed of every run, and seed of the sample.</param>
    /// <param name="progress">Receives the count of finished runs, or null.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    public static SensitivityResult Run(
        Scenario scenario, int samples, int seed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        var parameters = SensitivityParameters.For(scenario);
        var design = LatinHypercube(parameters, samples, seed);
        var oat = 2 * parameters.Count;
        var figures = Campaign.Run(1 + oat + samples, i =>
        {
            var flown = i == 0 ? scenario
                : i <= oat ? parameters[(i - 1) / 2].Apply(scenario, (i - 1) % 2 == 0 ? parameters[(i - 1) / 2].Low : parameters[(i - 1) / 2].High)
                : Apply(scenario, parameters, design[i - 1 - oat]);
            return SensitivityFigures.MeasureAll(DescentSimulator.Run(flown, seed, recordEvery: 0));
        }, progress, cancellationToken);

        var oneAtATime = parameters.Select((p, j) => new OneAtATimeRun(p, figures[1 + (2 * j)], figures[2 + (2 * j)])).ToList();
        var sample = design.Select((values, k) => new LatinHypercubeRun(
            [.. values.Select((v, j) => parameters[j].Whole ? Math.Round(v) : v)], figures[1 + oat + k])).ToList();
        return new SensitivityResult(scenario, seed, parameters, figures[0], oneAtATime, sample);
    }

    /// <summary>
    /// A Latin-hypercube design: for every parameter, each of <paramref name="samples"/> equal slices of its range holds
    /// exactly one run, at a uniform point inside the slice, and the slices are paired across parameters at random.
    /// Values of a count are rounded when applied, not here.
    /// </summary>
    public static double[][] LatinHypercube(IReadOnlyList<SensitivityParameter> parameters, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var rng = Rng.For(seed, LatinHypercubeStream);
        var design = new double[samples][];
        for (var k = 0; k < samples; k++)
        {
            design[k] = new double[parameters.Count];
        }

        var slices = new int[samples];
        for (var j = 0; j < parameters.Count; j++)
        {
            for (var k = 0; k < samples; k++)
            {
                slices[k] = k;
            }

            // Fisher-Yates with the replay's own generator: the same seed gives the same design everywhere.
            for (var k = samples - 1; k > 0; k--)
            {
                var r = (int)(rng.NextDouble() * (k + 1));
                (slices[k], slices[r]) = (slices[r], slices[k]);
            }

            var (low, high) = (parameters[j].Low, parameters[j].High);
            for (var k = 0; k < samples; k++)
            {
                design[k][j] = low + ((high - low) * (slices[k] + rng.NextDouble()) / samples);
            }
        }

        return design;
    }

    private static Scenario Apply(Scenario scenario, IReadOnlyList<SensitivityParameter> parameters, double[] values)
    {
        for (var j = 0; j < parameters.Count; j++)
        {
            scenario = parameters[j].Apply(scenario, values[j]);
        }

        return scenario;
    }
}
