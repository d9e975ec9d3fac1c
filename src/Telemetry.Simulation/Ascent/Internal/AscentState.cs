namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// Point mass in the Earth-centred inertial frame, plus the attitude as pitch and yaw angles of the body axis in the
/// local axes of the launch frame (up, downrange, left), each with its inertial rate.
/// </summary>
/// <param name="Position">Position (m, inertial).</param>
/// <param name="Velocity">Inertial velocity (m/s).</param>
/// <param name="MassKg">Total mass (kg).</param>
/// <param name="PitchRad">Body axis from the local vertical towards downrange (rad).</param>
/// <param name="RateRadS">Inertial pitch rate (rad/s).</param>
/// <param name="YawRad">Body axis out of the pitch plane, positive left (rad).</param>
/// <param name="YawRateRadS">Inertial yaw rate (rad/s).</param>
internal readonly record struct AscentState(
    Vec3 Position, Vec3 Velocity, double MassKg, double PitchRad, double RateRadS, double YawRad, double YawRateRadS)
{
    public double RadiusM => Position.Length;

    public double AltitudeM => Position.Length - Earth.RadiusM;

    public double SpeedMps => Velocity.Length;

    public double RadialSpeedMps => Vec3.Dot(Position, Velocity) / Position.Length;

    /// <summary>Inertial speed along the local horizontal (m/s).</summary>
    public double HorizontalSpeedMps
    {
        get
        {
            var vr = RadialSpeedMps;
            return Math.Sqrt(Math.Max(0, Vec3.Dot(Velocity, Velocity) - (vr * vr)));
        }
    }

    /// <summary>Velocity relative to the ground below (m/s).</summary>
    public Vec3 GroundVelocity => Velocity - Position.Spin();
}

/// <summary>What is held constant over one integration step: thrust, mass flow, nozzle, air and wind.</summary>
/// <param name="ThrustN">Thrust (N).</param>
/// <param name="MassFlowKgS">Mass flow (kg/s).</param>
/// <param name="NozzlePitchRad">Nozzle deflection in pitch (rad).</param>
/// <param name="NozzleYawRad">Nozzle deflection in yaw (rad).</param>
/// <param name="DragFactor">½ ρ S Cd (kg/m): drag is this times the air speed squared.</param>
/// <param name="MomentFactor">½ ρ S CNα x_cp / k² (kg/m²): aerodynamic angular acceleration is this · V² · sin α / m.</param>
/// <param name="ControlFactor">Nozzle arm / k² (1/m): control angular acceleration is −T · this · sin δ / m.</param>
/// <param name="WindMps">Wind along the azimuth (m/s, positive downrange).</param>
/// <param name="Normal">Unit normal of the launch plane (left of the azimuth).</param>
internal readonly record struct StepInputs(
    double ThrustN, double MassFlowKgS, double NozzlePitchRad, double NozzleYawRad, double DragFactor, double MomentFactor,
    double ControlFactor, double WindMps, Vec3 Normal);
