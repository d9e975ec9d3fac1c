namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The pitch thrust-vector-control loop: nozzle command = gain · (attitude error + rate gain · rate), followed by a
/// first-order actuator lag and a deflection limit. Attitude dynamics are one axis: nozzle torque against the
/// pitch inertia, plus the aerodynamic moment of the angle of attack.
/// </summary>
public sealed record TvcParameters
{
    /// <summary>Nozzle deflection per unit attitude error (deg/deg). Default: 1.2.</summary>
    public double AttitudeGain { get; init; } = 1.2;

    /// <summary>Rate gain: seconds of pitch rate that count as one unit of attitude error (s). Default: 0.45.</summary>
    public double RateGainS { get; init; } = 0.45;

    /// <summary>Actuator time constant (s). Default: 0.08.</summary>
    public double LagS { get; init; } = 0.08;

    /// <summary>Largest nozzle deflection (deg). Default: 5.</summary>
    public double LimitDeg { get; init; } = 5;
}
