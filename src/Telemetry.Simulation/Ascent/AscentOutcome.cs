namespace Telemetry.Simulation.Ascent;

/// <summary>How an ascent ended.</summary>
public enum AscentOutcomeKind
{
    /// <summary>No thrust left and a perigee at or above <see cref="PitchProgramme.MinOrbitPerigeeM"/>.</summary>
    Orbit,

    /// <summary>The termination system destroyed the vehicle.</summary>
    Terminated,

    /// <summary>It fell back without being terminated (or has no thrust left on a trajectory that meets the surface).</summary>
    Impact,

    /// <summary>Neither within <see cref="AscentScenario.MaxDurationS"/>.</summary>
    Timeout,
}

/// <summary>Whether the termination system judged rightly, against the true state it never saw.</summary>
public enum AftsJudgement
{
    /// <summary>A healthy vehicle flew to orbit untouched.</summary>
    CorrectlyFlown,

    /// <summary>A healthy vehicle (it would have reached orbit safely) was destroyed.</summary>
    FalseTermination,

    /// <summary>A dangerous vehicle, or one that could not reach orbit, was destroyed.</summary>
    WarrantedTermination,

    /// <summary>A dangerous vehicle was never terminated.</summary>
    MissedTermination,

    /// <summary>It did not reach orbit, but was never dangerous and never terminated.</summary>
    MissionLost,
}

/// <summary>The termination: which rule fired, on what value against which limit, after how long.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="TimeS">Time since lift-off (s).</param>
/// <param name="Value">The measured value, in the rule's unit.</param>
/// <param name="Limit">The rule's limit.</param>
/// <param name="ViolatedForS">How long the limit had been exceeded (s).</param>
/// <param name="Channel">The channel whose verdict or self-test decided (both names joined by + for a 2-of-2 vote), or empty.</param>
public sealed record AftsDecision(AftsRule Rule, double TimeS, double Value, double Limit, double ViolatedForS, string Channel = "");

/// <summary>What the vehicle truly did or would have done: after a termination, the flight is continued unseen to find out.</summary>
/// <param name="ReachesOrbit">Reaches (or would have reached) orbit.</param>
/// <param name="Hazardous">The true state was (or would have become) dangerous.</param>
/// <param name="HazardTimeS">When it first became dangerous (s), or null.</param>
/// <param name="HazardReason">Why, or null.</param>
/// <param name="PerigeeKm">Perigee altitude of the final trajectory (km), or null when it never burnt out.</param>
/// <param name="ApogeeKm">Apogee altitude of the final trajectory (km), or null.</param>
/// <param name="InclinationDeg">Inclination of the final trajectory (deg), or null.</param>
public sealed record AscentTruth(
    bool ReachesOrbit, bool Hazardous, double? HazardTimeS, string? HazardReason, double? PerigeeKm, double? ApogeeKm,
    double? InclinationDeg = null)
{
    /// <summary>Reaches orbit and is never dangerous.</summary>
    public bool Healthy => ReachesOrbit && !Hazardous;
}

/// <summary>The end of an ascent.</summary>
/// <param name="Kind">Orbit, terminated, impact or timeout.</param>
/// <param name="TimeS">Time of the end (s since lift-off).</param>
/// <param name="AltitudeM">True altitude at the end (m).</param>
/// <param name="SpeedMps">True inertial speed at the end (m/s).</param>
/// <param name="DownrangeM">True downrange distance at the end (m).</param>
/// <param name="MaxDynamicPressurePa">Largest dynamic pressure of the flight as flown (Pa).</param>
/// <param name="Termination">The termination, or null.</param>
/// <param name="Truth">What the vehicle truly did or would have done.</param>
public sealed record AscentOutcome(
    AscentOutcomeKind Kind,
    double TimeS,
    double AltitudeM,
    double SpeedMps,
    double DownrangeM,
    double MaxDynamicPressurePa,
    AftsDecision? Termination,
    AscentTruth Truth)
{
    /// <summary>The termination system's judgement of this flight against the truth.</summary>
    public AftsJudgement Judgement => (Termination is not null, Truth.Healthy, Truth.Hazardous) switch
    {
        (true, true, _) => AftsJudgement.FalseTermination,
        (true, false, _) => AftsJudgement.WarrantedTermination,
        (false, _, true) => AftsJudgement.MissedTermination,
        (false, true, _) => AftsJudgement.CorrectlyFlown,
        _ => AftsJudgement.MissionLost,
    };
}
