using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>
/// Accelerometer delivering velocity increments (Δv) over an interval, as flight IMUs do: the true Δv of thrust
/// plus a constant bias and white noise on each axis.
/// </summary>
internal struct Imu
{
    private readonly double _upBias;
    private readonly double _alongBias;
    private readonly double _density;
    private Rng _rng;

    public Imu(ImuParameters parameters, Rng rng)
    {
        _upBias = parameters.VerticalBiasMps2;
        _alongBias = parameters.HorizontalBiasMps2;
        _density = parameters.NoiseDensityMps2PerSqrtHz;
        _rng = rng;
    }

    /// <summary>Measured Δv (m/s) from the true one over <paramref name="intervalS"/>.</summary>
    public void Measure(double trueUp, double trueAlong, double intervalS, out double up, out double along)
    {
        up = trueUp + (_upBias * intervalS);
        along = trueAlong + (_alongBias * intervalS);
        if (_density > 0)
        {
            // White acceleration noise of density q integrates to a Δv deviation of q·√T.
            var sigma = _density * Math.Sqrt(intervalS);
            up += sigma * _rng.NextGaussian();
            along += sigma * _rng.NextGaussian();
        }
    }
}
