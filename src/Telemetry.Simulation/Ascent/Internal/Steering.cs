namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The commanded attitude of <see cref="PitchProgramme"/> in pitch (rad from the local vertical towards downrange)
/// and yaw (rad out of the pitch plane, positive left), rate-limited. The first stages fly a gravity turn along the
/// ground-relative velocity in both axes (no angle of attack, no sideslip); the upper stages and the coasts fly a
/// yaw programme of zero (the thrust in the inertial launch plane): they do not correct a cross-range velocity the
/// first stage left them.
/// </summary>
internal sealed class Steering(PitchProgramme p)
{
    private const double DegToRad = Math.PI / 180;

    // Vertical-speed loop of the insertion steering (s): fast against the climb time constant.
    private const double ClimbRateTimeConstantS = 10;

    // Fastest climb or descent the insertion steering asks for (m/s): the upper stages cannot afford to fight gravity.
    private const double MaxClimbMps = 20;

    private readonly double _kickRad = p.KickAngleDeg * DegToRad;
    private readonly double _maxChangeRadS = p.CommandRateLimitDegPerS * DegToRad;
    private readonly double _pitchOverRadS = p.PitchOverRateDegPerS * DegToRad;
    private double? _holdRadiusM;

    public double CommandRad { get; private set; }

    public double YawCommandRad { get; private set; }

    /// <summary>Updates the commands for the step starting at <paramref name="timeS"/> from the navigated state.</summary>
    public (double Pitch, double Yaw) Update(double timeS, double dt, int stage, double thrustAccel, in Kinematics k)
    {
        double target, yaw;
        if (timeS < p.VerticalRiseS)
        {
            (target, yaw) = (0, 0);
        }
        else if (timeS < p.VerticalRiseS + p.KickDurationS)
        {
            (target, yaw) = (_kickRad * (timeS - p.VerticalRiseS) / p.KickDurationS, 0);
        }
        else if (stage < p.GravityTurnStages)
        {
            // Gravity turn: along the ground-relative velocity, once gravity has turned it past the kick angle.
            target = Math.Max(_kickRad, Math.Atan2(k.GDown, k.GUp));
            yaw = Math.Atan2(k.GLeft, Math.Sqrt((k.GUp * k.GUp) + (k.GDown * k.GDown)));
        }
        else if (stage < p.GravityTurnStages + p.PitchOverStages && thrustAccel > 0)
        {
            // From the attitude held at ignition, steadily down towards the horizontal.
            target = Math.Min(Math.PI / 2, CommandRad + (_pitchOverRadS * dt));
            yaw = 0;
        }
        else if (thrustAccel > 0)
        {
            _holdRadiusM ??= Earth.RadiusM + p.HoldAltitudeM;
            target = Insertion(thrustAccel, k);
            yaw = 0;
        }
        else
        {
            // Coasting: along the inertial velocity's projection on the launch plane.
            target = Math.Atan2(k.VDown, k.VUp);
            yaw = 0;
        }

        var step = _maxChangeRadS * dt;
        CommandRad += Math.Clamp(target - CommandRad, -step, step);
        YawCommandRad += Math.Clamp(yaw - YawCommandRad, -step, step);
        return (CommandRad, YawCommandRad);
    }

    // Enough vertical thrust to hold gravity less centrifugal relief and steer the climb rate slowly towards the target
    // orbit's altitude; the rest builds horizontal speed.
    private double Insertion(double thrustAccel, in Kinematics k)
    {
        var r = k.RadiusM;
        var vt = k.HorizontalSpeedMps;
        var wanted = Math.Clamp((_holdRadiusM!.Value - r) / p.HoldTimeConstantS, -MaxClimbMps, MaxClimbMps);
        var needed = (Earth.Mu / (r * r)) - (vt * vt / r) + ((wanted - k.VUp) / ClimbRateTimeConstantS);
        return Math.Acos(Math.Clamp(needed / thrustAccel, -0.5, 0.999));
    }
}
