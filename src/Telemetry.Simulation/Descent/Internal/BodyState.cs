namespace Telemetry.Simulation.Descent.Internal;

/// <summary>Point-mass state in the plane of the ground track, in polar coordinates about the Moon's centre.</summary>
/// <param name="RadiusM">Distance from the centre (m).</param>
/// <param name="AngleRad">Downrange angle from the start point (rad).</param>
/// <param name="RadialSpeedMps">Radial speed (m/s, positive up).</param>
/// <param name="TangentialSpeedMps">Horizontal speed (m/s, positive downrange).</param>
/// <param name="MassKg">Total mass (kg).</param>
internal readonly record struct BodyState(
    double RadiusM, double AngleRad, double RadialSpeedMps, double TangentialSpeedMps, double MassKg)
{
    public double AltitudeAboveSphereM => RadiusM - Moon.RadiusM;

    /// <summary>Downrange distance along the reference sphere (m).</summary>
    public double DownrangeM => AngleRad * Moon.RadiusM;
}
