using System.Runtime.CompilerServices;
using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// Fixed-step RK4 of the ascent: central gravity, thrust along the body axis turned by the nozzle, drag against the
/// air-relative velocity, and the pitch attitude driven by nozzle torque and the aerodynamic moment of the angle of
/// attack. Polar coordinates keep the centrifugal and Coriolis-like terms of the flight plane. The stages are kept in
/// scalars rather than state records: copying seven-double records through four stages cost more than the physics.
/// </summary>
internal static class AscentDynamics
{
    public static AscentState Step(in AscentState s, in StepInputs u, double dt)
    {
        var h = 0.5 * dt;
        var p = new StepStart(s);
        Derivative(p, u, s.RadiusM, s.RadialSpeedMps, s.HorizontalSpeedMps, s.MassKg, s.PitchRad, s.RateRadS,
            out var r1, out var a1, out var vr1, out var vt1, out var f1, out var w1);
        var m2 = s.MassKg - (u.MassFlowKgS * h);
        Derivative(p, u, s.RadiusM + (h * r1), s.RadialSpeedMps + (h * vr1), s.HorizontalSpeedMps + (h * vt1), m2,
            s.PitchRad + (h * f1), s.RateRadS + (h * w1), out var r2, out var a2, out var vr2, out var vt2, out var f2, out var w2);
        Derivative(p, u, s.RadiusM + (h * r2), s.RadialSpeedMps + (h * vr2), s.HorizontalSpeedMps + (h * vt2), m2,
            s.PitchRad + (h * f2), s.RateRadS + (h * w2), out var r3, out var a3, out var vr3, out var vt3, out var f3, out var w3);
        Derivative(p, u, s.RadiusM + (dt * r3), s.RadialSpeedMps + (dt * vr3), s.HorizontalSpeedMps + (dt * vt3),
            s.MassKg - (u.MassFlowKgS * dt), s.PitchRad + (dt * f3), s.RateRadS + (dt * w3),
            out var r4, out var a4, out var vr4, out var vt4, out var f4, out var w4);
        var w = dt / 6;
        return new AscentState(
            s.RadiusM + (w * (r1 + (2 * r2) + (2 * r3) + r4)),
            s.AngleRad + (w * (a1 + (2 * a2) + (2 * a3) + a4)),
            s.RadialSpeedMps + (w * (vr1 + (2 * vr2) + (2 * vr3) + vr4)),
            s.HorizontalSpeedMps + (w * (vt1 + (2 * vt2) + (2 * vt3) + vt4)),
            s.MassKg - (u.MassFlowKgS * dt),
            s.PitchRad + (w * (f1 + (2 * f2) + (2 * f3) + f4)),
            s.RateRadS + (w * (w1 + (2 * w2) + (2 * w3) + w4)));
    }

    /// <summary>The time derivative of every state component (a state-shaped record of rates), for tests.</summary>
    internal static AscentState Derivative(in AscentState s, in StepInputs u)
    {
        Derivative(new StepStart(s), u, s.RadiusM, s.RadialSpeedMps, s.HorizontalSpeedMps, s.MassKg, s.PitchRad, s.RateRadS,
            out var dr, out var da, out var dvr, out var dvt, out var dPitch, out var dRate);
        return new AscentState(dr, da, dvr, dvt, -u.MassFlowKgS, dPitch, dRate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Derivative(
        in StepStart p, in StepInputs u, double radius, double vr, double vt, double mass, double pitch, double rate,
        out double dr, out double dAngle, out double dvr, out double dvt, out double dPitch, out double dRate)
    {
        var invR = FastMath.Reciprocal(p.InvRadius, radius - p.RadiusM);
        var invM = FastMath.Reciprocal(p.InvMass, mass - p.MassKg);
        var air = vt - u.WindMps;
        var (sin, cos) = p.SinCos(pitch);
        var thrustAccel = u.ThrustN * invM;

        // Above the atmosphere there is no air to move through: most of the flight skips the square root.
        var speed = u.DragFactor == 0 && u.MomentFactor == 0 ? 0 : Math.Sqrt((vr * vr) + (air * air));
        var drag = u.DragFactor * speed * invM;

        // sin α · V, with α the body axis minus the air-relative velocity direction.
        var alphaTimesSpeed = (sin * vr) - (cos * air);
        dr = vr;
        dAngle = vt * invR;
        dvr = (thrustAccel * ((cos * u.CosNozzle) - (sin * u.SinNozzle))) - (drag * vr) - (Earth.Mu * invR * invR) + (vt * vt * invR);
        dvt = (thrustAccel * ((sin * u.CosNozzle) + (cos * u.SinNozzle))) - (drag * air) - (vr * vt * invR);
        dPitch = rate - (vt * invR);
        dRate = ((u.MomentFactor * speed * alphaTimesSpeed) - (u.ThrustN * u.ControlFactor * u.SinNozzle)) * invM;
    }

    /// <summary>
    /// What the four stages of a step share, from its start: sine and cosine of the attitude, which moves by well under
    /// a milliradian inside a step, so the angle-sum series to the cubic term (error below 1e-13) replaces three of four
    /// SinCos calls; and the reciprocals of radius and mass, carried to the stages by the descent's series (their
    /// relative change within a step is below 1e-4).
    /// </summary>
    private readonly struct StepStart
    {
        private readonly double _pitch;
        private readonly double _sin;
        private readonly double _cos;

        public StepStart(in AscentState start)
        {
            _pitch = start.PitchRad;
            (_sin, _cos) = Math.SinCos(start.PitchRad);
            RadiusM = start.RadiusM;
            MassKg = start.MassKg;
            InvRadius = 1 / start.RadiusM;
            InvMass = 1 / start.MassKg;
        }

        public double RadiusM { get; }

        public double MassKg { get; }

        public double InvRadius { get; }

        public double InvMass { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (double Sin, double Cos) SinCos(double angle)
        {
            var d = angle - _pitch;
            if (d == 0)
            {
                return (_sin, _cos);
            }

            if (Math.Abs(d) > 1e-3)
            {
                return Math.SinCos(angle);
            }

            var d2 = d * d;
            var sinD = d * (1 - (d2 / 6));
            var cosD = 1 - (0.5 * d2);
            return ((_sin * cosD) + (_cos * sinD), (_cos * cosD) - (_sin * sinD));
        }
    }
}
