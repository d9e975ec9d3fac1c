namespace Telemetry.Simulation.Ascent;

/// <summary>
/// Steering: a vertical rise, a pitch kick, a gravity turn through the first-stage burn (attitude along the
/// navigated velocity) for the first stages, then insertion steering for the others near apogee: enough vertical
/// thrust to hold the altitude, the rest building horizontal speed. Attitudes are measured from the local vertical, positive downrange.
/// </summary>
public sealed record PitchProgramme
{
    /// <summary>Vertical rise after lift-off (s). Default: 4.</summary>
    public double VerticalRiseS { get; init; } = 4;

    /// <summary>Pitch-kick angle from the vertical (deg). Default: 8.5 (calibrated: about 29 km at 69 s and a 500 km orbit with 150 kg).</summary>
    public double KickAngleDeg { get; init; } = 8.5;

    /// <summary>Duration of the pitch-over to the kick angle (s). Default: 6.</summary>
    public double KickDurationS { get; init; } = 6;

    /// <summary>Stages flown along the navigated velocity (gravity turn), counted from the first. Default: 1.</summary>
    public int GravityTurnStages { get; init; } = 1;

    /// <summary>
    /// Stages after those that pitch over at a constant rate from their ignition attitude towards the horizontal
    /// (vacuum, so no angle-of-attack limit). Default: 1.
    /// </summary>
    public int PitchOverStages { get; init; } = 1;

    /// <summary>Pitch-over rate of those stages (deg/s). Default: 1.</summary>
    public double PitchOverRateDegPerS { get; init; } = 0.03;

    /// <summary>
    /// Later stages (ignited near apogee) steer towards <see cref="HoldAltitudeM"/>: the climb-rate command is the
    /// altitude error over this time constant (s), at most 20 m/s either way. Default: 100.
    /// </summary>
    public double HoldTimeConstantS { get; init; } = 100;

    /// <summary>The altitude the insertion steering flies the last stages at (m). Default: 500000 (the missions' orbit).</summary>
    public double HoldAltitudeM { get; init; } = 500_000;

    /// <summary>A liquid stage shuts down once the osculating perigee reaches this altitude (m). Default: 480000.</summary>
    public double TargetPerigeeM { get; init; } = 480_000;

    /// <summary>With no thrust left, a perigee at or above this altitude counts as orbit (m). Default: 150000.</summary>
    public double MinOrbitPerigeeM { get; init; } = 150_000;

    /// <summary>Fastest change of the commanded attitude (deg/s). Default: 2.</summary>
    public double CommandRateLimitDegPerS { get; init; } = 2;
}
