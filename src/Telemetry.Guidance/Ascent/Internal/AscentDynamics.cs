namespace Telemetry.Guidance.Ascent.Internal;

/// <summary>
/// Fixed-step RK4 of the ascent: central gravity, thrust along the body axis turned by the nozzle, drag against the
/// air-relative velocity, and the pitch attitude driven by nozzle torque and the aerodynamic moment of the angle of
/// attack. Polar coordinates keep the centrifugal and Coriolis-like terms of the flight plane.
/// </summary>
internal static class AscentDynamics
{
    public static AscentState Step(in AscentState s, in StepInputs u, double dt)
    {
        var h = 0.5 * dt;
        var pitch = new Pitch(s.PitchRad, s);
        var d1 = Derivative(s, u, pitch);
        var d2 = Derivative(Add(s, d1, h), u, pitch);
        var d3 = Derivative(Add(s, d2, h), u, pitch);
        var d4 = Derivative(Add(s, d3, dt), u, pitch);
        var w = dt / 6;
        return new AscentState(
            s.RadiusM + (w * (d1.RadiusM + (2 * d2.RadiusM) + (2 * d3.RadiusM) + d4.RadiusM)),
            s.AngleRad + (w * (d1.AngleRad + (2 * d2.AngleRad) + (2 * d3.AngleRad) + d4.AngleRad)),
            s.RadialSpeedMps + (w * (d1.RadialSpeedMps + (2 * d2.RadialSpeedMps) + (2 * d3.RadialSpeedMps) + d4.RadialSpeedMps)),
            s.HorizontalSpeedMps + (w * (d1.HorizontalSpeedMps + (2 * d2.HorizontalSpeedMps) + (2 * d3.HorizontalSpeedMps) + d4.HorizontalSpeedMps)),
            s.MassKg - (u.MassFlowKgS * dt),
            s.PitchRad + (w * (d1.PitchRad + (2 * d2.PitchRad) + (2 * d3.PitchRad) + d4.PitchRad)),
            s.RateRadS + (w * (d1.RateRadS + (2 * d2.RateRadS) + (2 * d3.RateRadS) + d4.RateRadS)));
    }

    /// <summary>The time derivative of every state component (a state-shaped record of rates).</summary>
    internal static AscentState Derivative(in AscentState s, in StepInputs u) => Derivative(s, u, new Pitch(s.PitchRad, s));

    private static AscentState Derivative(in AscentState s, in StepInputs u, in Pitch pitch)
    {
        var invR = Telemetry.Guidance.Internal.Dynamics.Reciprocal(pitch.InvRadius, s.RadiusM - pitch.RadiusM);
        var invM = Telemetry.Guidance.Internal.Dynamics.Reciprocal(pitch.InvMass, s.MassKg - pitch.MassKg);
        var vr = s.RadialSpeedMps;
        var vt = s.HorizontalSpeedMps;
        var air = vt - u.WindMps;
        var (sin, cos) = pitch.At(s.PitchRad);
        var thrustAccel = u.ThrustN * invM;

        // Above the atmosphere there is no air to move through: most of the flight skips the square root.
        var speed = u.DragFactor == 0 && u.MomentFactor == 0 ? 0 : Math.Sqrt((vr * vr) + (air * air));
        var drag = u.DragFactor * speed * invM;

        // sin α · V, with α the body axis minus the air-relative velocity direction.
        var alphaTimesSpeed = (sin * vr) - (cos * air);
        return new AscentState(
            vr,
            vt * invR,
            (thrustAccel * ((cos * u.CosNozzle) - (sin * u.SinNozzle))) - (drag * vr) - (Earth.Mu * invR * invR) + (vt * vt * invR),
            (thrustAccel * ((sin * u.CosNozzle) + (cos * u.SinNozzle))) - (drag * air) - (vr * vt * invR),
            -u.MassFlowKgS,
            s.RateRadS - (vt * invR),
            ((u.MomentFactor * speed * alphaTimesSpeed) - (u.ThrustN * u.ControlFactor * u.SinNozzle)) * invM);
    }

    /// <summary>
    /// What the four stages of a step share, from its start: sine and cosine of the attitude, which moves by well under
    /// a milliradian inside a step, so the angle-sum series to the cubic term (error below 1e-13) replaces three of four
    /// SinCos calls; and the reciprocals of radius and mass, carried to the stages by the descent's series (their
    /// relative change within a step is below 1e-4).
    /// </summary>
    private readonly struct Pitch
    {
        private readonly double _at;
        private readonly double _sin;
        private readonly double _cos;

        public Pitch(double at, in AscentState start)
        {
            _at = at;
            (_sin, _cos) = Math.SinCos(at);
            RadiusM = start.RadiusM;
            MassKg = start.MassKg;
            InvRadius = 1 / start.RadiusM;
            InvMass = 1 / start.MassKg;
        }

        public double RadiusM { get; }

        public double MassKg { get; }

        public double InvRadius { get; }

        public double InvMass { get; }

        public (double Sin, double Cos) At(double angle)
        {
            var d = angle - _at;
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

    private static AscentState Add(in AscentState s, in AscentState d, double h) => new(
        s.RadiusM + (h * d.RadiusM), s.AngleRad + (h * d.AngleRad), s.RadialSpeedMps + (h * d.RadialSpeedMps),
        s.HorizontalSpeedMps + (h * d.HorizontalSpeedMps), s.MassKg + (h * d.MassKg), s.PitchRad + (h * d.PitchRad),
        s.RateRadS + (h * d.RateRadS));
}
