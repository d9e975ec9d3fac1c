namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The nozzle: a proportional-derivative command through a first-order actuator lag, held at its mechanical stops,
/// and the injected nozzle faults.
/// </summary>
internal sealed class Tvc
{
    private const double DegToRad = Math.PI / 180;
    private readonly double _gain;
    private readonly double _rateGainS;
    private readonly double _limitRad;
    private readonly double _decay;
    private readonly NozzleFault? _fault;

    public Tvc(TvcParameters p, AscentFaults faults, double dt)
    {
        _gain = p.AttitudeGain * faults.TvcGainScale;
        _rateGainS = p.RateGainS;
        _limitRad = p.LimitDeg * DegToRad;
        _decay = Math.Exp(-dt / p.LagS);
        _fault = faults.Nozzle;
    }

    public double NozzleRad { get; private set; }

    /// <summary>
    /// Sine and cosine of a nozzle deflection. Deflections stay within a few degrees, where Taylor series to the ninth
    /// and tenth power are exact to rounding (the first neglected term is below 1e-17 at 0.125 rad) and cost a tenth
    /// of a library call, which was paid on every thrusting step.
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

    /// <summary>Moves the nozzle of a stage (0-based) over one step towards the command for this attitude error and rate (rad, rad/s).</summary>
    public double Update(double timeS, int stage, double errorRad, double rateRadS)
    {
        var command = Math.Clamp(_gain * (errorRad + (_rateGainS * rateRadS)), -_limitRad, _limitRad);
        var faulted = _fault is { } f && timeS >= f.AtS && stage == f.Stage - 1;
        if (faulted && _fault!.Mode == NozzleFaultMode.Stuck)
        {
            command = _fault.AngleDeg * DegToRad;
        }

        var lagged = command + ((NozzleRad - command) * _decay);
        if (faulted && _fault!.Mode == NozzleFaultMode.Oscillating)
        {
            // The oscillation rides on the loop's own deflection; the stops still bound the sum.
            NozzleRad = Math.Clamp(lagged, -_limitRad, _limitRad);
            var wobble = _fault.AngleDeg * DegToRad * Math.Sin(2 * Math.PI * _fault.FrequencyHz * (timeS - _fault.AtS));
            return Math.Clamp(NozzleRad + wobble, -_limitRad, _limitRad);
        }

        NozzleRad = Math.Clamp(lagged, -_limitRad, _limitRad);
        return NozzleRad;
    }
}
