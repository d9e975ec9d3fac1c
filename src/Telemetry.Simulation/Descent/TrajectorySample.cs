namespace Telemetry.Simulation.Descent;

/// <summary>The state of a descent at one recorded step.</summary>
/// <param name="TimeS">Time since descent start (s).</param>
/// <param name="TrueAltitudeM">True altitude above the terrain below (m).</param>
/// <param name="EstimatedAltitudeM">Navigation's altitude (m).</param>
/// <param name="DescentRateMps">True descent rate (m/s, positive down).</param>
/// <param name="HorizontalSpeedMps">True horizontal speed (m/s).</param>
/// <param name="DownrangeM">Downrange distance from the descent start point (m).</param>
/// <param name="ThrustN">Main-engine thrust (N).</param>
/// <param name="Throttle">Thrust over maximum thrust (0..1).</param>
/// <param name="PitchDeg">Thrust direction from the local vertical (deg, positive pointing against the motion).</param>
/// <param name="MassKg">Total mass (kg).</param>
/// <param name="PropellantKg">Propellant left (kg).</param>
/// <param name="LrfValid">True when the latest LRF measurement was valid.</param>
/// <param name="LrfRangeM">Latest valid LRF range (m), or null.</param>
/// <param name="LrfLatchedFailed">True once navigation has declared the LRF failed.</param>
/// <param name="Phase">Guidance phase.</param>
public readonly record struct TrajectorySample(
    double TimeS,
    double TrueAltitudeM,
    double EstimatedAltitudeM,
    double DescentRateMps,
    double HorizontalSpeedMps,
    double DownrangeM,
    double ThrustN,
    double Throttle,
    double PitchDeg,
    double MassKg,
    double PropellantKg,
    bool LrfValid,
    double? LrfRangeM,
    bool LrfLatchedFailed,
    GuidancePhase Phase);
