namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>Point mass in the flight plane (polar about the Earth's centre) plus the one-axis pitch attitude.</summary>
/// <param name="RadiusM">Distance from the centre (m).</param>
/// <param name="AngleRad">Downrange angle from the pad (rad).</param>
/// <param name="RadialSpeedMps">Radial speed (m/s, positive up).</param>
/// <param name="HorizontalSpeedMps">Horizontal speed (m/s, positive downrange).</param>
/// <param name="MassKg">Total mass (kg).</param>
/// <param name="PitchRad">Body axis from the local vertical (rad, positive downrange).</param>
/// <param name="RateRadS">Inertial pitch rate (rad/s).</param>
internal readonly record struct AscentState(
    double RadiusM, double AngleRad, double RadialSpeedMps, double HorizontalSpeedMps, double MassKg, double PitchRad,
    double RateRadS)
{
    public double AltitudeM => RadiusM - Earth.RadiusM;

    public double DownrangeM => AngleRad * Earth.RadiusM;

    public double SpeedMps => Math.Sqrt((RadialSpeedMps * RadialSpeedMps) + (HorizontalSpeedMps * HorizontalSpeedMps));
}

/// <summary>What is held constant over one integration step: thrust, mass flow, nozzle, air and wind.</summary>
/// <param name="ThrustN">Thrust (N).</param>
/// <param name="MassFlowKgS">Mass flow (kg/s).</param>
/// <param name="SinNozzle">Sine of the nozzle deflection.</param>
/// <param name="CosNozzle">Cosine of the nozzle deflection.</param>
/// <param name="DragFactor">½ ρ S Cd (kg/m): drag is this times the air speed squared.</param>
/// <param name="MomentFactor">½ ρ S CNα x_cp / k² (kg/m²): aerodynamic pitch acceleration is this · V² · sin α / m.</param>
/// <param name="ControlFactor">Nozzle arm / k² (1/m): control pitch acceleration is −T · this · sin δ / m.</param>
/// <param name="WindMps">Wind along the azimuth (m/s).</param>
internal readonly record struct StepInputs(
    double ThrustN, double MassFlowKgS, double SinNozzle, double CosNozzle, double DragFactor, double MomentFactor,
    double ControlFactor, double WindMps);
