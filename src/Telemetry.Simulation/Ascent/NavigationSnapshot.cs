namespace Telemetry.Simulation.Ascent;

/// <summary>What the navigation solution tells the termination system at one judgement cycle.</summary>
/// <param name="TimeS">Time since lift-off (s).</param>
/// <param name="Valid">False while navigation has no solution; nothing else is then meaningful.</param>
/// <param name="RadiusM">Distance from the Earth's centre (m).</param>
/// <param name="AngleRad">Downrange angle from the pad (rad).</param>
/// <param name="RadialSpeedMps">Radial speed (m/s, positive up).</param>
/// <param name="HorizontalSpeedMps">Horizontal speed (m/s, positive downrange).</param>
/// <param name="SensedAccelerationMps2">Sensed, non-gravitational acceleration (m/s²).</param>
/// <param name="AttitudeErrorDeg">Attitude minus commanded attitude (deg).</param>
/// <param name="RateDegPerS">Pitch rate (deg/s).</param>
public readonly record struct NavigationSnapshot(
    double TimeS,
    bool Valid,
    double RadiusM,
    double AngleRad,
    double RadialSpeedMps,
    double HorizontalSpeedMps,
    double SensedAccelerationMps2,
    double AttitudeErrorDeg,
    double RateDegPerS)
{
    /// <summary>Inertial speed (m/s).</summary>
    public double SpeedMps => Math.Sqrt((RadialSpeedMps * RadialSpeedMps) + (HorizontalSpeedMps * HorizontalSpeedMps));
}

/// <summary>One rule at one judgement cycle.</summary>
/// <param name="Armed">Inside its arming window, enabled, and judged (navigation valid and the value defined).</param>
/// <param name="Value">The measured value in the rule's unit; NaN when not judged.</param>
/// <param name="Limit">The limit.</param>
/// <param name="Violated">The limit is exceeded now.</param>
/// <param name="ViolatedForS">How long it has been exceeded without a break (s; 0 when not violated).</param>
public readonly record struct RuleReading(bool Armed, double Value, double Limit, bool Violated, double ViolatedForS);
