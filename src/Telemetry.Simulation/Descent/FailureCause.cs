namespace Telemetry.Simulation.Descent;

/// <summary>Why a descent did not end in a soft touchdown.</summary>
public enum FailureCause
{
    /// <summary>It did: a soft touchdown.</summary>
    None,

    /// <summary>Contact with the vertical speed over its limit and the horizontal speed within its own.</summary>
    VerticalSpeed,

    /// <summary>Contact with the horizontal speed over its limit and the vertical speed within its own.</summary>
    HorizontalSpeed,

    /// <summary>Contact with both speeds over their limits.</summary>
    VerticalAndHorizontalSpeed,

    /// <summary>The propellant ran out before contact and the lander fell: whatever the speeds, that is the cause.</summary>
    Propellant,

    /// <summary>No contact within <see cref="Scenario.MaxDurationS"/>.</summary>
    Timeout,
}

/// <summary>Classifies the end of a descent by its cause.</summary>
public static class FailureCauses
{
    /// <summary>
    /// The cause of an end: <see cref="FailureCause.Timeout"/> without contact; <see cref="FailureCause.None"/> when both
    /// speeds are within their limits (limits are inclusive, as for a soft touchdown); otherwise
    /// <see cref="FailureCause.Propellant"/> when the propellant had run out, else the speed or speeds over their limits.
    /// </summary>
    /// <param name="contact">False for a timeout.</param>
    /// <param name="verticalSpeedMps">Vertical speed at contact (m/s, positive down).</param>
    /// <param name="horizontalSpeedMps">Horizontal speed at contact (m/s, its magnitude).</param>
    /// <param name="propellantExhausted">The propellant ran out before contact.</param>
    /// <param name="limits">The scenario's touchdown limits.</param>
    public static FailureCause Classify(
        bool contact, double verticalSpeedMps, double horizontalSpeedMps, bool propellantExhausted, TouchdownLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!contact)
        {
            return FailureCause.Timeout;
        }

        var vertical = verticalSpeedMps > limits.MaxVerticalSpeedMps;
        var horizontal = horizontalSpeedMps > limits.MaxHorizontalSpeedMps;
        return (vertical, horizontal) switch
        {
            (false, false) => FailureCause.None,
            _ when propellantExhausted => FailureCause.Propellant,
            (true, true) => FailureCause.VerticalAndHorizontalSpeed,
            (true, false) => FailureCause.VerticalSpeed,
            _ => FailureCause.HorizontalSpeed,
        };
    }
}
