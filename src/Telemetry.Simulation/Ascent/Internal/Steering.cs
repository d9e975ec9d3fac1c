namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>The commanded attitude (rad from the local vertical) of <see cref="PitchProgramme"/>, rate-limited.</summary>
internal sealed class Steering(PitchProgramme p)
{
    private const double DegToRad = Math.PI / 180;

    // Vertical-speed loop of the insertion steering (s): fast against the climb time constant.
    private const double ClimbRateTimeConstantS = 10;

    private readonly double _kickRad = p.KickAngleDeg * DegToRad;
    private readonly double _maxChangeRadS = p.CommandRateLimitDegPerS * DegToRad;

    private readonly double _pitchOverRadS = p.PitchOverRateDegPerS * DegToRad;
    private double? _holdRadiusM;

    public double CommandRad { get; private set; }

    /// <summary>Updates the command for the step starting at <paramref name="timeS"/> from the navigated state.</summary>
    public double Update(double timeS, double dt, int stage, double thrustAccel, double radiusM, double radialSpeed, double horizontalSpeed)
    {
        double target;
        if (timeS < p.VerticalRiseS)
        {
            target = 0;
        }
        else if (timeS < p.VerticalRiseS + p.KickDurationS)
        {
            target = _kickRad * (timeS - p.VerticalRiseS) / p.KickDurationS;
        }
        else if (stage < p.GravityTurnStages)
        {
            // Gravity turn: along the velocity, once gravity has turned it past the kick angle.
            target = Math.Max(_kickRad, Math.Atan2(horizontalSpeed, radialSpeed));
        }
        else if (stage < p.GravityTurnStages + p.PitchOverStages && thrustAccel > 0)
        {
            // From the attitude held at ignition, steadily down towards the horizontal.
            target = Math.Min(Math.PI / 2, CommandRad + (_pitchOverRadS * dt));
        }
        else if (thrustAccel > 0)
        {
            _holdRadiusM ??= radiusM;
            target = Insertion(thrustAccel, radiusM, radialSpeed, horizontalSpeed);
        }
        else
        {
            target = Math.Atan2(horizontalSpeed, radialSpeed);
        }

        CommandRad += Math.Clamp(target - CommandRad, -_maxChangeRadS * dt, _maxChangeRadS * dt);
        return CommandRad;
    }

    // Enough vertical thrust to hold gravity less centrifugal relief and steer the climb rate back to the held
    // altitude; the rest builds horizontal speed.
    private double Insertion(double thrustAccel, double radiusM, double radialSpeed, double horizontalSpeed)
    {
        var wanted = (_holdRadiusM!.Value - radiusM) / p.HoldTimeConstantS;
        var needed = (Earth.Mu / (radiusM * radiusM)) - (horizontalSpeed * horizontalSpeed / radiusM)
            + ((wanted - radialSpeed) / ClimbRateTimeConstantS);
        return Math.Acos(Math.Clamp(needed / thrustAccel, -0.5, 0.999));
    }
}
