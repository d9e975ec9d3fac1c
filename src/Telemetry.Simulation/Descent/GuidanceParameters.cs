namespace Telemetry.Simulation.Descent;

/// <summary>Targets and settings of braking (E-guidance), vertical hold, landing burn and terminal descent.</summary>
public sealed record GuidanceParameters
{
    /// <summary>
    /// Guidance cycle period (s); commands are held between cycles, and navigation propagates on the IMU at
    /// each cycle and at each LRF return. Default: 0.1.
    /// </summary>
    public double CycleS { get; init; } = 0.1;

    /// <summary>Approach gate: downrange distance from the descent start point (m). Default: 850000 (calibrated).</summary>
    public double GateDownrangeM { get; init; } = 850_000;

    /// <summary>Approach gate: altitude above the terrain (m). Default: 6000.</summary>
    public double GateAltitudeM { get; init; } = 6000;

    /// <summary>Approach gate: descent rate (m/s, positive down). Default: 40.</summary>
    public double GateDescentRateMps { get; init; } = 40;

    /// <summary>Approach gate: horizontal speed (m/s). Default: 0.</summary>
    public double GateHorizontalSpeedMps { get; init; }

    /// <summary>Braking ends when the time to go falls below this (s). Default: 2.</summary>
    public double BrakingEndTimeToGoS { get; init; } = 2;

    /// <summary>Vertical hold throttle, as a fraction of maximum thrust. Default: 0.367 (the shipped M1/M2 scenarios carry the value fitted by calibrate).</summary>
    public double HoldThrottle { get; init; } = 0.367;

    /// <summary>Landing burn starts at this LRF-validated altitude (m). Default: 3000.</summary>
    public double LandingBurnAltitudeM { get; init; } = 3000;

    /// <summary>Landing-burn time to go as a fraction of the constant-deceleration time to the low gate. Default: 0.72 (the shipped M1/M2 scenarios carry the value fitted by calibrate).</summary>
    public double LandingBurnTimeFactor { get; init; } = 0.72;

    /// <summary>
    /// Landing burn: full thrust when the constant deceleration needed to reach the low gate exceeds this fraction
    /// of the deceleration available at full thrust. Default: 0.9.
    /// </summary>
    public double FullThrustRatio { get; init; } = 0.9;

    /// <summary>Low gate altitude where the terminal phase starts (m). Default: 30.</summary>
    public double LowGateAltitudeM { get; init; } = 30;

    /// <summary>Low gate descent rate (m/s, positive down). Default: 2.</summary>
    public double LowGateDescentRateMps { get; init; } = 2;

    /// <summary>Terminal phase: commanded descent rate (m/s, positive down). Default: 1.5.</summary>
    public double TerminalDescentRateMps { get; init; } = 1.5;

    /// <summary>
    /// Mitigation: when the LRF has not validated by <see cref="LandingBurnAltitudeM"/>, start the landing burn there on
    /// the inertial estimate instead of waiting for it (the LRF still corrects navigation once it validates). Default: false.
    /// </summary>
    public bool LandingBurnOnInertialAltitude { get; init; }

    /// <summary>
    /// Mitigation: a cross-check at the landing-burn start; when the LRF has delivered no return at all by then, it is
    /// declared silent and the low gate is raised to this altitude (m), above what inertial navigation may have drifted.
    /// Null: no cross-check. Default: null.
    /// </summary>
    public double? SilentLrfLowGateAltitudeM { get; init; }

    /// <summary>Terminal phase: descent-rate loop gain (1/s). Default: 1.</summary>
    public double TerminalRateGainPerS { get; init; } = 1;
}
