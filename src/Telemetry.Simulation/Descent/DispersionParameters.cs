namespace Telemetry.Simulation.Descent;

/// <summary>One-sigma dispersions sampled by <see cref="Dispersions.Apply"/> (normal distributions, zero mean).</summary>
public sealed record DispersionParameters
{
    /// <summary>
    /// Accelerometer bias added on each axis (m/s²). Default: 0.0003 (about 30 µg). Nothing aids horizontal
    /// velocity, so a horizontal bias integrates into sideways speed at touchdown (about 0.35 m/s per 0.0003).
    /// </summary>
    public double ImuBiasSigmaMps2 { get; init; } = 0.0003;

    /// <summary>Relative error of maximum thrust (fraction). Default: 0.01.</summary>
    public double ThrustScaleSigma { get; init; } = 0.01;

    /// <summary>LRF noise standard deviation is multiplied by exp(N(0, this)). Default: 0.2.</summary>
    public double LrfNoiseLogSigma { get; init; } = 0.2;

    /// <summary>Initial altitude (m), and the same again as navigation knowledge error. Default: 100.</summary>
    public double InitialAltitudeSigmaM { get; init; } = 100;

    /// <summary>Initial horizontal speed (m/s). Default: 1.</summary>
    public double InitialHorizontalSpeedSigmaMps { get; init; } = 1;

    /// <summary>Initial descent rate (m/s). Default: 1.</summary>
    public double InitialDescentRateSigmaMps { get; init; } = 1;
}
