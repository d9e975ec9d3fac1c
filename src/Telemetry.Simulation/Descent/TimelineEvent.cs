namespace Telemetry.Simulation.Descent;

/// <summary>What a <see cref="TimelineEvent"/> records.</summary>
public enum TimelineEventKind
{
    /// <summary>Guidance entered a new phase.</summary>
    PhaseChange,

    /// <summary>The LRF returned its first valid measurement.</summary>
    LrfFirstValid,

    /// <summary>The innovation gate rejected an LRF measurement (first of a run of rejections).</summary>
    LrfRejected,

    /// <summary>Navigation declared the LRF failed after too many consecutive rejections.</summary>
    LrfLatchedFailed,

    /// <summary>Mitigation: navigation re-admitted the LRF after the latch (returns at one steady offset, a terrain step).</summary>
    LrfReadmitted,

    /// <summary>Mitigation: the LRF had delivered no return by the landing-burn start and was declared silent.</summary>
    LrfSilent,

    /// <summary>A main engine was lost (<see cref="Scenario.EngineLoss"/>).</summary>
    EngineLost,

    /// <summary>The propellant ran out.</summary>
    PropellantOut,

    /// <summary>The true altitude crossed one of <see cref="Scenario.AltitudeCrossingsM"/> for the first time.</summary>
    AltitudeCrossed,

    /// <summary>Soft contact with the surface.</summary>
    Touchdown,

    /// <summary>Hard contact with the surface.</summary>
    Impact,
}

/// <summary>One entry of a descent's timeline.</summary>
/// <param name="TimeS">Time since descent start (s).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Description">A readable sentence.</param>
/// <param name="TrueAltitudeM">True altitude above the terrain below (m).</param>
/// <param name="EstimatedAltitudeM">Navigation's altitude (m).</param>
/// <param name="DescentRateMps">True descent rate (m/s, positive down).</param>
/// <param name="HorizontalSpeedMps">True horizontal speed (m/s).</param>
public sealed record TimelineEvent(
    double TimeS,
    TimelineEventKind Kind,
    string Description,
    double TrueAltitudeM,
    double EstimatedAltitudeM,
    double DescentRateMps,
    double HorizontalSpeedMps);
