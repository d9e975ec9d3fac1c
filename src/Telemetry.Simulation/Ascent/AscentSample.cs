namespace Telemetry.Simulation.Ascent;

/// <summary>The state of an ascent at one recorded step: truth, and what the termination channels saw and decided.</summary>
/// <param name="TimeS">Time since lift-off (s).</param>
/// <param name="AltitudeM">True altitude (m).</param>
/// <param name="DownrangeM">True ground distance from the pad along the launch azimuth (m).</param>
/// <param name="CrossrangeM">True ground distance off the planned track, positive left of the azimuth (east for a southward launch) (m).</param>
/// <param name="LatitudeDeg">Latitude of the ground point below (deg).</param>
/// <param name="LongitudeDeg">Longitude of the ground point below (deg east).</param>
/// <param name="SpeedMps">True inertial speed (m/s).</param>
/// <param name="GroundSpeedMps">True speed relative to the ground below (m/s).</param>
/// <param name="VerticalSpeedMps">True vertical speed (m/s, positive up).</param>
/// <param name="Mach">Mach number of the air-relative speed.</param>
/// <param name="DynamicPressurePa">Dynamic pressure (Pa).</param>
/// <param name="PitchDeg">True pitch attitude from the local vertical (deg, positive downrange).</param>
/// <param name="CommandDeg">Commanded pitch (deg).</param>
/// <param name="RateDegPerS">True inertial pitch rate (deg/s).</param>
/// <param name="YawDeg">True yaw attitude out of the pitch plane (deg, positive left).</param>
/// <param name="YawCommandDeg">Commanded yaw (deg).</param>
/// <param name="YawRateDegPerS">True inertial yaw rate (deg/s).</param>
/// <param name="NozzleDeg">Nozzle deflection in pitch (deg).</param>
/// <param name="NozzleYawDeg">Nozzle deflection in yaw (deg).</param>
/// <param name="ThrustN">Thrust (N).</param>
/// <param name="MassKg">Total mass (kg).</param>
/// <param name="Stage">Stage burning or last burnt (1-based).</param>
/// <param name="NavValid">Channel A had a valid navigation solution.</param>
/// <param name="NavAttitudeErrorDeg">Channel A's total attitude error, pitch and yaw (deg).</param>
/// <param name="NavRateDegPerS">Channel A's total angular rate (deg/s).</param>
/// <param name="SensedAccelerationMps2">Channel A's sensed (non-gravitational) acceleration (m/s²).</param>
/// <param name="PerformanceRatio">Channel A's performance value: the smaller of sensed over expected acceleration and ground speed; NaN when not judged.</param>
/// <param name="IipEastKm">Channel A's impact point (worst debris class), east of the pad (km); NaN in orbit.</param>
/// <param name="IipNorthKm">Channel A's impact point, north of the pad (km); NaN in orbit.</param>
/// <param name="LimitLineKm">How far channel A's impact point lies beyond the nearest limit line (km; negative inside); NaN in orbit.</param>
/// <param name="ZoneDepthKm">How deep it lies inside the nearest protected zone (km; negative outside); NaN in orbit.</param>
/// <param name="ChannelA">Channel A: 0 go, 1 its judge calls for termination, 2 declared itself faulty.</param>
/// <param name="ChannelB">Channel B, the same (0 with a single channel).</param>
/// <param name="Vote">The redundancy vote calls for termination.</param>
public readonly record struct AscentSample(
    double TimeS,
    double AltitudeM,
    double DownrangeM,
    double CrossrangeM,
    double LatitudeDeg,
    double LongitudeDeg,
    double SpeedMps,
    double GroundSpeedMps,
    double VerticalSpeedMps,
    double Mach,
    double DynamicPressurePa,
    double PitchDeg,
    double CommandDeg,
    double RateDegPerS,
    double YawDeg,
    double YawCommandDeg,
    double YawRateDegPerS,
    double NozzleDeg,
    double NozzleYawDeg,
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
    double LimitLineKm,
    double ZoneDepthKm,
    int ChannelA,
    int ChannelB,
    bool Vote);
