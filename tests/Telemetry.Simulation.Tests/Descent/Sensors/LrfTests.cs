using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent.Internal;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Sensors;

public sealed class LrfTests
{
    private static readonly LrfParameters Clean = new() { NoiseStdM = 0 };

    [Fact]
    public void Measure_WithinRange_ReturnsTrueAltitudePlusBias()
    {
        var lrf = new Lrf(Clean with { BiasM = 7 }, Rng.For(1, 2));

        Assert.True(lrf.Measure(10, 2500, out var range));
        Assert.Equal(2507, range);
        Assert.False(lrf.Measure(10, 10_000.5, out _));
    }

    [Fact]
    public void Measure_Disabled_NeverValid()
    {
        var lrf = new Lrf(Clean with { Enabled = false }, Rng.For(1, 2));

        Assert.False(lrf.Measure(100, 500, out _));
        Assert.False(lrf.Measure(2000, 1, out _));
    }

    [Fact]
    public void Measure_FirstValidBelowAltitude_StaysValidOnceReachedEvenAfterAJumpUp()
    {
        var lrf = new Lrf(Clean with { FirstValidBelowAltitudeM = 893 }, Rng.For(1, 2));

        Assert.False(lrf.Measure(1, 3000, out _));
        Assert.False(lrf.Measure(2, 893.5, out _));
        Assert.True(lrf.Measure(3, 893, out _));
        Assert.True(lrf.Measure(4, 3500, out var range));
        Assert.Equal(3500, range);
    }

    [Fact]
    public void Measure_FirstValidAfterTimeAndDropoutWindows_InvalidInsideThem()
    {
        var lrf = new Lrf(Clean with
        {
            FirstValidAfterS = 100,
            DropoutWindows = [new TimeWindow { StartS = 200, EndS = 210 }],
        }, Rng.For(1, 2));

        Assert.False(lrf.Measure(99.9, 1000, out _));
        Assert.True(lrf.Measure(100, 1000, out _));
        Assert.False(lrf.Measure(200, 1000, out _));
        Assert.False(lrf.Measure(210, 1000, out _));
        Assert.True(lrf.Measure(210.1, 1000, out _));
    }

    [Fact]
    public void Measure_DropoutProbability_DropsThatShareOfReturns()
    {
        var lrf = new Lrf(Clean with { DropoutProbability = 0.25 }, Rng.For(9, 2));
        var valid = 0;
        for (var i = 0; i < 40_000; i++)
        {
            valid += lrf.Measure(i, 1000, out _) ? 1 : 0;
        }

        // 30,000 expected; the binomial standard deviation is about 87.
        Assert.InRange(valid, 29_600, 30_400);
    }

    [Fact]
    public void Measure_Noise_HasTheConfiguredStandardDeviation()
    {
        var lrf = new Lrf(new LrfParameters { NoiseStdM = 2 }, Rng.For(3, 2));
        double sum = 0, sumSq = 0;
        const int n = 40_000;
        for (var i = 0; i < n; i++)
        {
            lrf.Measure(i, 1000, out var range);
            sum += range - 1000;
            sumSq += (range - 1000) * (range - 1000);
        }

        var mean = sum / n;
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(Math.Sqrt((sumSq / n) - (mean * mean)), 1.96, 2.04);
    }
}
