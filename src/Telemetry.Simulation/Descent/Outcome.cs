namespace Telemetry.Simulation.Descent;

/// <summary>How a descent ended.</summary>
public enum OutcomeKind
{
    /// <summary>Contact within the <see cref="TouchdownLimits"/>.</summary>
    SoftTouchdown,

    /// <summary>Contact faster than the <see cref="TouchdownLimits"/>.</summary>
    HardImpact,

    /// <summary>No contact within <see cref="Scenario.MaxDurationS"/>.</summary>
    Timeout,
}

/// <summary>The end of a descent.</summary>
/// <param name="Kind">Soft touchdown, hard impact or timeout.</param>
/// <param name="TimeS">Time of contact (or of the timeout) since descent start (s).</param>
/// <param name="VerticalSpeedMps">Vertical speed at contact (m/s, positive down).</param>
/// <param name="HorizontalSpeedMps">Horizontal speed at contact (m/s).</param>
/// <param name="PropellantRemainingKg">Propellant left (kg).</param>
/// <param name="DownrangeM">Downrange distance from the descent start point (m).</param>
/// <param name="PropellantExhausted">True when the propellant ran out before the end.</param>
/// <param name="PropellantOutAltitudeM">True altitude above the terrain when the propellant ran out (m), or null.</param>
/// <param name="Cause">Why it was not a soft touchdown (<see cref="FailureCauses.Classify"/>); None when it was.</param>
/// <param name="EngineLossDownrangeM">Downrange distance where a main engine was lost (m), or null.</param>
public sealed record Outcome(
    OutcomeKind Kind,
    double TimeS,
    double VerticalSpeedMps,
    double HorizontalSpeedMps,
    double PropellantRemainingKg,
    double DownrangeM,
    bool PropellantExhausted,
    double? PropellantOutAltitudeM,
    FailureCause Cause,
    double? EngineLossDownrangeM = null)
{
    /// <summary>True for a soft touchdown.</summary>
    public bool IsSafe => Kind == OutcomeKind.SoftTouchdown;
}
