using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The stack's stages in firing order: which one burns, its thrust over the next step, its propellant, and the
/// burn-out, separation and ignition sequence. A step that would burn more than the propellant left burns exactly
/// what is left.
/// </summary>
internal sealed class Propulsion
{
    private readonly StageParameters[] _stages;
    private readonly PiecewiseLinear[] _shapes;
    private readonly double[] _nominalThrustN;
    private readonly double[] _scale;
    private double _clockS;

    /// <param name="stages">The stages.</param>
    /// <param name="scale">Thrust (and mass flow) of each stage relative to nominal; a solid's burn lasts 1/scale as long.</param>
    public Propulsion(IReadOnlyList<StageParameters> stages, double[] scale)
    {
        _stages = [.. stages];
        _scale = scale;
        _shapes = new PiecewiseLinear[_stages.Length];
        _nominalThrustN = new double[_stages.Length];
        for (var i = 0; i < _stages.Length; i++)
        {
            var s = _stages[i];
            _shapes[i] = new PiecewiseLinear([.. s.ThrustShape.Select(p => p.BurnFraction)], [.. s.ThrustShape.Select(p => p.Relative)]);

            // Scaled so that the curve's impulse is exactly the propellant's: PropellantKg · Isp · g0.
            var mean = _shapes[i].Mean();
            _nominalThrustN[i] = s.Kind == StageKind.Solid && mean > 0 ? s.PropellantKg * s.IspS * Earth.G0 / (s.BurnTimeS * mean) : s.ThrustN;
        }

        PropellantKg = _stages[0].PropellantKg;
        Burning = true;
    }

    /// <summary>The stage burning, or the last one that burnt (0-based).</summary>
    public int Index { get; private set; }

    public StageParameters Stage => _stages[Index];

    public bool Burning { get; private set; }

    /// <summary>The last stage has burnt out or been shut down.</summary>
    public bool Done { get; private set; }

    /// <summary>The spent stage is still attached (between burn-out and separation).</summary>
    public bool SpentAttached { get; private set; }

    public double PropellantKg { get; private set; }

    public bool IsLastStage => Index == _stages.Length - 1;

    /// <summary>Thrust (N) and mass flow (kg/s) held over the step [now, now + dt], from the curve at mid-step.</summary>
    public double Thrust(double dt, out double massFlow)
    {
        if (!Burning)
        {
            massFlow = 0;
            return 0;
        }

        var s = _stages[Index];
        var scale = _scale[Index];
        var thrust = s.Kind == StageKind.Solid
            ? scale * _nominalThrustN[Index] * _shapes[Index].At((_clockS + (0.5 * dt)) * scale / s.BurnTimeS)
            : scale * _nominalThrustN[Index];
        massFlow = thrust / (s.IspS * Earth.G0);
        if (massFlow * dt > PropellantKg)
        {
            massFlow = PropellantKg / dt;
            thrust = massFlow * s.IspS * Earth.G0;
        }

        return thrust;
    }

    /// <summary>Advances the clock by one step that burnt <paramref name="massFlow"/>; returns what happened at its end.</summary>
    public StageChange Advance(double dt, double massFlow, double radialSpeedMps)
    {
        _clockS += dt;
        if (Burning)
        {
            PropellantKg -= massFlow * dt;
            var s = _stages[Index];
            var finished = PropellantKg <= 1e-9 || (s.Kind == StageKind.Solid && _clockS * _scale[Index] >= s.BurnTimeS);
            if (!finished)
            {
                return StageChange.None;
            }

            EndBurn();
            return StageChange.BurnOut;
        }

        if (Done)
        {
            return StageChange.None;
        }

        var coast = _stages[Index + 1].CoastBeforeIgnitionS;
        if (SpentAttached && _clockS >= 0.5 * coast)
        {
            SpentAttached = false;
            return StageChange.Separation;
        }

        if (!SpentAttached && _clockS >= coast && !(radialSpeedMps > _stages[Index + 1].IgniteBelowRadialSpeedMps))
        {
            Index++;
            PropellantKg = _stages[Index].PropellantKg;
            Burning = true;
            _clockS = 0;
            return StageChange.Ignition;
        }

        return StageChange.None;
    }

    /// <summary>
    /// Whole steps of <paramref name="dt"/> until the next separation or earliest ignition, while coasting between two
    /// stages (at least 1); <see cref="int.MaxValue"/> when nothing is scheduled (burning, or after the last stage).
    /// Past the earliest ignition, a stage that waits for the climb to slow below its radial speed
    /// (<see cref="StageParameters.IgniteBelowRadialSpeedMps"/>) counts the steps that cannot get there even at the
    /// surface's gravity, so the ignition still falls on the first step at whose end the radial speed is low enough.
    /// </summary>
    /// <param name="dt">Step (s).</param>
    /// <param name="radialSpeedMps">Radial speed now (m/s, positive up).</param>
    public int StepsToNextEvent(double dt, double radialSpeedMps)
    {
        if (Burning || Done)
        {
            return int.MaxValue;
        }

        var coast = _stages[Index + 1].CoastBeforeIgnitionS;
        var at = SpentAttached ? 0.5 * coast : coast;
        var steps = Math.Clamp(Math.Ceiling(((at - _clockS) / dt) - 1e-6), 1, int.MaxValue);
        if (!SpentAttached && steps == 1 && _stages[Index + 1].IgniteBelowRadialSpeedMps is { } below)
        {
            // A coast's radial speed falls by at most gravity: no faster than the surface's (m/s²).
            const double MaxFallMps2 = Earth.Mu / (Earth.RadiusM * Earth.RadiusM);
            steps = Math.Clamp(Math.Floor((radialSpeedMps - below) / (MaxFallMps2 * dt)), 1, int.MaxValue);
        }

        return (int)steps;
    }

    /// <summary>
    /// While a solid stage burns: whole steps of <paramref name="dt"/> left before its burn-out (counting down from the
    /// scaled burn time); <see cref="int.MaxValue"/> for a liquid stage, which ends by shutdown or propellant, and 0 when
    /// nothing burns.
    /// </summary>
    public int StepsToBurnOut(double dt)
    {
        if (!Burning)
        {
            return 0;
        }

        var s = _stages[Index];
        return s.Kind == StageKind.Solid
            ? (int)Math.Clamp(Math.Floor(((s.BurnTimeS / _scale[Index]) - _clockS) / dt), 0, int.MaxValue)
            : (int)Math.Clamp(Math.Floor(PropellantKg / (_scale[Index] * _nominalThrustN[Index] / (s.IspS * Earth.G0) * dt)), 0, int.MaxValue);
    }

    /// <summary>Guidance shuts a liquid stage down.</summary>
    public void Shutdown() => EndBurn();

    /// <summary>Mass the separation drops: the spent stage's inert mass and its unburnt propellant (kg).</summary>
    public double SeparatedMassKg() => _stages[Index].InertKg + Math.Max(0, PropellantKg);

    private void EndBurn()
    {
        Burning = false;
        _clockS = 0;
        Done = IsLastStage;
        SpentAttached = !IsLastStage;
    }
}

/// <summary>What a propulsion step ended with.</summary>
internal enum StageChange
{
    None,
    BurnOut,
    Separation,
    Ignition,
}
