namespace Telemetry.Guidance.Internal;

/// <summary>Accelerometer: the true thrust acceleration plus a constant bias and white noise on each axis.</summary>
internal struct Imu
{
    private readonly double _upBias;
    private readonly double _alongBias;
    private readonly double _sigma;
    private Rng _rng;

    public Imu(ImuParameters parameters, double stepS, Rng rng)
    {
        _upBias = parameters.VerticalBiasMps2;
        _alongBias = parameters.HorizontalBiasMps2;
        _sigma = parameters.NoiseDensityMps2PerSqrtHz / Math.Sqrt(stepS);
        _rng = rng;
    }

    /// <summary>Measured non-gravitational acceleration (m/s²) from the true one.</summary>
    public void Measure(double trueUp, double trueAlong, out double up, out double along)
    {
        up = trueUp + _upBias;
        along = trueAlong + _alongBias;
        if (_sigma > 0)
        {
            up += _sigma * _rng.NextGaussian();
            along += _sigma * _rng.NextGaussian();
        }
    }
}
