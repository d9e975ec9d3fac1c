namespace Telemetry.Simulation.Ascent;

/// <summary>What one channel's navigation solution tells its termination judge at one judgement cycle.</summary>
/// <param name="TimeS">Time since lift-off (s).</param>
/// <param name="Valid">False while navigation has no solution; nothing else is then meaningful.</param>
/// <param name="Position">Position (m, inertial).</param>
/// <param name="Velocity">Inertial velocity (m/s).</param>
/// <param name="SensedAccelerationMps2">Sensed, non-gravitational acceleration (m/s²).</param>
/// <param name="AttitudeErrorDeg">Pitch attitude minus commanded pitch (deg).</param>
/// <param name="YawErrorDeg">Yaw attitude minus commanded yaw (deg).</param>
/// <param name="RateDegPerS">Pitch rate (deg/s).</param>
/// <param name="YawRateDegPerS">Yaw rate (deg/s).</param>
public readonly record struct NavigationSnapshot(
    double TimeS,
    bool Valid,
    Vec3 Position,
    Vec3 Velocity,
    double SensedAccelerationMps2,
    double AttitudeErrorDeg,
    double YawErrorDeg,
    double RateDegPerS,
    double YawRateDegPerS)
{
    /// <summary>Speed relative to the ground below (m/s): the turning Earth's own speed taken out.</summary>
    public double GroundSpeedMps => (Velocity - Position.Spin()).Length;

    /// <summary>Total attitude error, pitch and yaw together (deg).</summary>
    public double TotalAttitudeErrorDeg => Math.Sqrt((AttitudeErrorDeg * AttitudeErrorDeg) + (YawErrorDeg * YawErrorDeg));

    /// <summary>Total angular rate, pitch and yaw together (deg/s).</summary>
    public double TotalRateDegPerS => Math.Sqrt((RateDegPerS * RateDegPerS) + (YawRateDegPerS * YawRateDegPerS));
}

/// <summary>One rule at one judgement cycle.</summary>
/// <param name="Armed">Inside its arming window, enabled, and judged (navigation valid and the value defined).</param>
/// <param name="Value">The measured value in the rule's unit; NaN when not judged.</param>
/// <param name="Limit">The limit.</param>
/// <param name="Violated">The limit is exceeded now.</param>
/// <param name="ViolatedForS">How long it has been exceeded without a break (s; 0 when not violated).</param>
public readonly record struct RuleReading(bool Armed, double Value, double Limit, bool Violated, double ViolatedForS);
