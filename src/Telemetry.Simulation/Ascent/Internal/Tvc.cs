namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The gimballed nozzle in two axes (pitch and yaw): in each, a proportional-derivative command through a first-order
/// actuator lag, held at its mechanical stops, and the injected nozzle fault of that axis.
/// </summary>
internal sealed class Tvc
{
    private const double DegToRad = Math.PI / 180;
    private readonly double _gain;
    private readonly double _rateGainS;
    private readonly double _limitRad;
    private readonly double _decay;
    private readonly NozzleFault? _fault;
    private readonly double _faultDecay;

    public Tvc(TvcParameters p, AscentFaults faults, double dt)
    {
        _gain = p.AttitudeGain * faults.TvcGainScale;
        _rateGainS = p.RateGainS;
        _limitRad = p.LimitDeg * DegToRad;
        _decay = Math.Exp(-dt / p.LagS);
        _fault = faults.Nozzle;
        _faultDecay = _fault is { LagS: > 0 } f ? Math.Exp(-dt / f.LagS) : _decay;
    }

    public double PitchRad { get; private set; }

    public double YawRad { get; private set; }

    /// <summary>
    /// Sine and cosine of a nozzle deflection. Deflections stay within a few degrees, where Taylor series to the ninth
    /// and tenth power are exact to rounding (the first neglected term is below 1e-17 at 0.125 rad) and cost a tenth
    /// of a library call.
    /// </summary>
    public static (double Sin, double Cos) SinCos(double angleRad)
    {
        if (Math.Abs(angleRad) > 0.125)
        {
            return Math.SinCos(angleRad);
        }

        var x2 = angleRad * angleRad;
        var sin = angleRad * (1 - (x2 * (1.0 / 6) * (1 - (x2 * (1.0 / 20) * (1 - (x2 * (1.0 / 42) * (1 - (x2 * (1.0 / 72)))))))));
        var cos = 1 - (x2 * 0.5 * (1 - (x2 * (1.0 / 12) * (1 - (x2 * (1.0 / 30) * (1 - (x2 * (1.0 / 56) * (1 - (x2 * (1.0 / 90))))))))));
        return (sin, cos);
    }

    /// <summary>
    /// Moves the nozzle of a stage (0-based) over one step towards the commands for these attitude errors and rates
    /// (rad, rad/s) in pitch and yaw; returns the deflections the thrust sees.
    /// </summary>
    public (double Pitch, double Yaw) Update(double timeS, int stage, double pitchErrorRad, double pitchRateRadS, double yawErrorRad, double yawRateRadS)
    {
        var faulted = _fault is { } f && timeS >= f.AtS && stage == f.Stage - 1;
        var pitch = Axis(PitchRad, pitchErrorRad, pitchRateRadS, timeS, faulted && _fault!.Axis == NozzleAxis.Pitch, out var pitchSeen);
        var yaw = Axis(YawRad, yawErrorRad, yawRateRadS, timeS, faulted && _fault!.Axis == NozzleAxis.Yaw, out var yawSeen);
        (PitchRad, YawRad) = (pitch, yaw);
        return (pitchSeen, yawSeen);
    }

    private double Axis(double current, double errorRad, double rateRadS, double timeS, bool faulted, out double seen)
    {
        var command = Math.Clamp(_gain * (errorRad + (_rateGainS * rateRadS)), -_limitRad, _limitRad);
        if (!faulted)
        {
            seen = Math.Clamp(command + ((current - command) * _decay), -_limitRad, _limitRad);
            return seen;
        }

        var f = _fault!;
        if (f.Mode == NozzleFaultMode.Stuck)
        {
            command = f.AngleDeg * DegToRad;
        }
        else
        {
            // A degraded drive: it follows only part of the command, slower, about an offset.
            command = Math.Clamp((f.CommandScale * command) + (f.OffsetDeg * DegToRad), -_limitRad, _limitRad);
        }

        var lagged = Math.Clamp(command + ((current - command) * _faultDecay), -_limitRad, _limitRad);
        seen = lagged;
        if (f.Mode == NozzleFaultMode.Oscillating)
        {
            // The oscillation rides on the drive's own deflection; the stops still bound the sum.
            var wobble = f.AngleDeg * DegToRad * Math.Sin(2 * Math.PI * f.FrequencyHz * (timeS - f.AtS));
            seen = Math.Clamp(lagged + wobble, -_limitRad, _limitRad);
        }

        return lagged;
    }
}
