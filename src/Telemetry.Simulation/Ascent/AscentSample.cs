namespace Telemetry.Simulation.Ascent;

/// <summary>The state of an ascent at one recorded step: truth, and what navigation told the termination system.</summary>
/// <param name="TimeS">Time since lift-off (s).</param>
/// <param name="AltitudeM">True altitude (m).</param>
/// <param name="DownrangeM">True downrange distance along the surface (m).</param>
/// <param name="SpeedMps">True inertial speed (m/s).</param>
/// <param name="VerticalSpeedMps">True vertical speed (m/s, positive up).</param>
/// <param name="Mach">Mach number of the air-relative speed.</param>
/// <param name="DynamicPressurePa">Dynamic pressure (Pa).</param>
/// <param name="PitchDeg">True body attitude from the local vertical (deg, positive downrange).</param>
/// <param name="CommandDeg">Commanded attitude (deg).</param>
/// <param name="RateDegPerS">True inertial pitch rate (deg/s).</param>
/// <param name="NozzleDeg">Nozzle deflection (deg).</param>
/// <param name="ThrustN">Thrust (N).</param>
/// <param name="MassKg">Total mass (kg).</param>
/// <param name="Stage">Stage burning or last burnt (1-based).</param>
/// <param name="NavValid">The termination system had a valid navigation solution.</param>
/// <param name="NavAttitudeErrorDeg">Navigated attitude minus command (deg).</param>
/// <param name="NavRateDegPerS">Navigated pitch rate (deg/s).</param>
/// <param name="SensedAccelerationMps2">Navigated sensed (non-gravitational) acceleration (m/s²).</param>
/// <param name="PerformanceRatio">Performance rule value: the smaller of sensed over expected acceleration and speed; NaN when not judged.</param>
/// <param name="IipEastKm">Navigated instantaneous impact point, east of the pad (km); NaN in orbit.</param>
/// <param name="IipNorthKm">Navigated instantaneous impact point, north of the pad (km); NaN in orbit.</param>
/// <param name="IipOutsideKm">How far the navigated impact point lies outside the corridor (km; negative inside); NaN in orbit.</param>
/// <param name="ZoneDepthKm">How deep it lies inside the nearest protected zone (km; negative outside); NaN in orbit.</param>
public readonly record struct AscentSample(
    double TimeS,
    double AltitudeM,
    double DownrangeM,
    double SpeedMps,
    double VerticalSpeedMps,
    double Mach,
    double DynamicPressurePa,
    double PitchDeg,
    double CommandDeg,
    double RateDegPerS,
    double NozzleDeg,
    double ThrustN,
    double MassKg,
    int Stage,
    bool NavValid,
    double NavAttitudeErrorDeg,
    double NavRateDegPerS,
    double SensedAccelerationMps2,
    double PerformanceRatio,
    double IipEastKm,
    double IipNorthKm,
    double IipOutsideKm,
    double ZoneDepthKm);
