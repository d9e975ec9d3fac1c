namespace Telemetry.Simulation.Descent;

/// <summary>
/// Injected fault: one of the vehicle's main engines is lost. The rest keep their share of the thrust; their thrust no
/// longer passes through the centre of mass, so the attitude control holds the vehicle tilted, and the thrust leans by
/// the tilt. Guidance learns of the loss at once and keeps braking on what is left, but has no horizontal authority
/// any more: the lean drives the lander sideways.
/// </summary>
public sealed record EngineLossParameters
{
    /// <summary>The engine is lost when the true altitude first falls to this (m). Default: 50.</summary>
    public double AtAltitudeM { get; init; } = 50;

    /// <summary>Lean of the remaining thrust from the commanded direction (deg, positive downrange). Default: 0.</summary>
    public double ThrustTiltDeg { get; init; }
}
