using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Simulation.Tests.Descent.Navigation;

public sealed class AltitudeFilterTests
{
    private const double Dt = 0.1;

    private static AltitudeFilter NewFilter(double altitude, double speed, int latchAfter = 20) =>
        new(altitude, speed, altitudeSigmaM: 300, speedSigmaMps: 2, processNoiseDensity: 0.01, measurementSigmaM: 3,
            gateChiSquare: 10.83, latchAfter);

    [Fact]
    public void Update_CleanMeasurements_ConvergesToTruth()
    {
        // Truth: 2000 m, descending at 10 m/s; the filter starts 200 m high and 2 m/s slow.
        var filter = NewFilter(2200, -8);
        var truth = 2000.0;
        for (var i = 0; i < 300; i++)
        {
            filter.Predict(0, Dt);
            truth -= 10 * Dt;
            Assert.Equal(UpdateOutcome.Accepted, filter.Update(truth));
        }

        Assert.Equal(truth, filter.AltitudeM, 0.05);
        Assert.Equal(-10, filter.VerticalSpeedMps, 0.01);
        Assert.True(filter.AltitudeSigmaM < 1.5, $"sigma {filter.AltitudeSigmaM}");
        Assert.Equal(300, filter.AcceptedInRow);
    }

    [Fact]
    public void Update_SingleOutlier_IsRejectedWithoutMovingTheEstimate()
    {
        var filter = Converged(out var truth);
        var altitude = filter.AltitudeM;
        var speed = filter.VerticalSpeedMps;

        Assert.Equal(UpdateOutcome.Rejected, filter.Update(truth + 300));
        Assert.Equal(altitude, filter.AltitudeM);
        Assert.Equal(speed, filter.VerticalSpeedMps);
        Assert.Equal(0, filter.AcceptedInRow);
        Assert.True(filter.LastNormalizedInnovation > 10.83);

        Assert.Equal(UpdateOutcome.Accepted, filter.Update(truth));
        Assert.False(filter.Latched);
    }

    [Fact]
    public void Update_NConsecutiveRejections_LatchesAndThenIgnoresGoodData()
    {
        var filter = Converged(out var truth, latchAfter: 5);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(UpdateOutcome.Rejected, filter.Update(truth + 3000));
        }

        Assert.Equal(UpdateOutcome.Latched, filter.Update(truth + 3000));
        Assert.True(filter.Latched);
        Assert.Equal(UpdateOutcome.Ignored, filter.Update(truth));
    }

    [Fact]
    public void Update_AcceptedMeasurementBetweenRejections_ResetsTheLatchCount()
    {
        var filter = Converged(out var truth, latchAfter: 5);
        for (var i = 0; i < 4; i++)
        {
            filter.Update(truth + 3000);
        }

        Assert.Equal(UpdateOutcome.Accepted, filter.Update(truth));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(UpdateOutcome.Rejected, filter.Update(truth + 3000));
        }

        Assert.False(filter.Latched);
    }

    [Fact]
    public void Predict_WithoutUpdates_GrowsUncertaintyAndIntegratesAcceleration()
    {
        var filter = NewFilter(1000, 0);
        for (var i = 0; i < 100; i++)
        {
            filter.Predict(-1, Dt);
        }

        Assert.Equal(1000 - (0.5 * 1 * 10 * 10), filter.AltitudeM, 1e-9);
        Assert.Equal(-10, filter.VerticalSpeedMps, 1e-9);

        // σ_h² = 300² + (2·10)² + q²·t³/3 with q = 0.01 m/s²/√Hz.
        Assert.Equal(Math.Sqrt((300 * 300) + (20 * 20) + (1e-4 * 1000 / 3)), filter.AltitudeSigmaM, 1e-6);
    }

    private static AltitudeFilter Converged(out double truth, int latchAfter = 20)
    {
        var filter = NewFilter(1020, 0, latchAfter);
        truth = 1000;
        for (var i = 0; i < 100; i++)
        {
            filter.Predict(0, Dt);
            filter.Update(truth);
        }

        return filter;
    }
}
