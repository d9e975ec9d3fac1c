namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The onboard navigation solution as truth plus errors: flight control steers on it (without the white noise,
/// which a filter removes) and the termination system judges on it (with the noise, drawn each termination cycle).
/// </summary>
public sealed record AscentNavigation
{
    /// <summary>Position noise on each axis (m, 1σ). Default: 10.</summary>
    public double PositionNoiseM { get; init; } = 10;

    /// <summary>Velocity noise on each axis (m/s, 1σ). Default: 0.2.</summary>
    public double VelocityNoiseMps { get; init; } = 0.2;

    /// <summary>Attitude noise (deg, 1σ). Default: 0.05.</summary>
    public double AttitudeNoiseDeg { get; init; } = 0.05;

    /// <summary>Pitch-rate noise (deg/s, 1σ). Default: 0.1.</summary>
    public double RateNoiseDegPerS { get; init; } = 0.1;

    /// <summary>Sensed-acceleration noise (m/s², 1σ). Default: 0.1.</summary>
    public double AccelerationNoiseMps2 { get; init; } = 0.1;
}
