namespace Telemetry.Simulation.Ascent;

/// <summary>What an <see cref="AscentEvent"/> records.</summary>
public enum AscentEventKind
{
    /// <summary>The vehicle left the pad.</summary>
    LiftOff,

    /// <summary>A stage ignited.</summary>
    Ignition,

    /// <summary>A stage burnt out (solid) or ran out of propellant (liquid).</summary>
    BurnOut,

    /// <summary>Guidance shut the liquid stage down at the target perigee.</summary>
    Shutdown,

    /// <summary>A spent stage separated.</summary>
    Separation,

    /// <summary>The payload fairing was jettisoned.</summary>
    FairingJettison,

    /// <summary>An armed termination rule's limit began to be exceeded; its persistence clock starts.</summary>
    RuleViolated,

    /// <summary>A violated rule came back within its limit (or was disarmed) before its persistence time.</summary>
    RuleCleared,

    /// <summary>A channel's judge called for termination (its verdict; the vote decides).</summary>
    ChannelVerdict,

    /// <summary>A channel's self-test began to see a fault of the channel itself.</summary>
    SelfTestFault,

    /// <summary>A channel declared itself faulty (its self-test saw the fault for the confirmation time).</summary>
    ChannelFaulty,

    /// <summary>The termination system destroyed the vehicle (the vote of the channels).</summary>
    Termination,

    /// <summary>The true state became dangerous (impact point beyond a limit line or in a protected zone, or loss of control).</summary>
    Hazard,

    /// <summary>No thrust left and the perigee is high enough: orbit.</summary>
    Orbit,

    /// <summary>The vehicle fell back to the surface, or has no thrust left on a trajectory that does.</summary>
    Impact,

    /// <summary>The run reached its maximum duration.</summary>
    Timeout,
}

/// <summary>One entry of an ascent's timeline; termination-rule entries name the rule, the value, the limit and the time in violation.</summary>
/// <param name="TimeS">Time since lift-off (s).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Description">A readable sentence.</param>
/// <param name="AltitudeM">True altitude (m).</param>
/// <param name="SpeedMps">True inertial speed (m/s).</param>
/// <param name="Rule">The termination rule concerned, or null.</param>
/// <param name="Value">The rule's measured value, in its unit, or null.</param>
/// <param name="Limit">The rule's limit, or null.</param>
/// <param name="ViolatedForS">How long the limit had been exceeded (s), or null.</param>
/// <param name="Channel">The termination channel concerned, or null.</param>
public sealed record AscentEvent(
    double TimeS,
    AscentEventKind Kind,
    string Description,
    double AltitudeM,
    double SpeedMps,
    AftsRule? Rule = null,
    double? Value = null,
    double? Limit = null,
    double? ViolatedForS = null,
    string? Channel = null);
