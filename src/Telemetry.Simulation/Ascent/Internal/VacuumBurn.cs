namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// One judgement cycle of a burn above the atmosphere, in two rates. The attitude loop keeps its 10 ms steps: thrust
/// from the curve, steering, the nozzle through its lag, and the pitch and rate under the nozzle's constant angular
/// acceleration over each step (exact there, with no air to add a moment). The point mass then takes the whole cycle in
/// one RK4 step under the cycle's mean thrust acceleration: over 50 ms the thrust direction moves by well under a
/// milliradian, and the trajectory agrees with ten-millisecond steps to centimetres.
/// </summary>
internal static class VacuumBurn
{
    /// <summary>The state after <paramref name="steps"/> steps from step <paramref name="k"/>; the last step's thrust, command and nozzle out.</summary>
    public static AscentState Fly(
        in AscentState start, long k, int steps, double dt, Propulsion propulsion, Steering steering, Tvc tvc, NavigationModel nav,
        out double thrust, out double command, out double nozzle)
    {
        var stage = propulsion.Stage;
        var control = stage.NozzleArmM / (stage.RadiusOfGyrationM * stage.RadiusOfGyrationM);
        var (radius, radial, horizontal) = (start.RadiusM, start.RadialSpeedMps, start.HorizontalSpeedMps);
        var turning = horizontal / radius;
        var (pitch, rate, mass) = (start.PitchRad, start.RateRadS, start.MassKg);
        double sumRadial = 0, sumHorizontal = 0;
        (thrust, command, nozzle) = (0, 0, 0);

        // The mid-step attitude moves by milliradians over a cycle: its sine and cosine come from the first step's by
        // the angle sum with the small difference's series (exact to rounding), one library call per cycle.
        var first = pitch + (0.5 * dt * (rate - turning));
        var (sinFirst, cosFirst) = Math.SinCos(first);
        for (var j = 0; j < steps; j++)
        {
            var t = (k + j) * dt;
            thrust = propulsion.Thrust(dt, out var flow);
            var accel = thrust / mass;
            command = steering.Update(t, dt, propulsion.Index, accel, radius, radial, horizontal + nav.VelocityBiasMps);
            nozzle = tvc.Update(t, propulsion.Index, pitch + nav.AttitudeBiasRad - command, rate);
            var (sinN, cosN) = Tvc.SinCos(nozzle);
            var alpha = -thrust * control * sinN / mass;

            // The thrust direction at mid-step: pitch moves by its rate relative to the local vertical.
            var (sinD, cosD) = Tvc.SinCos(pitch + (0.5 * dt * (rate - turning)) - first);
            var (sinP, cosP) = ((sinFirst * cosD) + (cosFirst * sinD), (cosFirst * cosD) - (sinFirst * sinD));
            sumRadial += accel * ((cosP * cosN) - (sinP * sinN));
            sumHorizontal += accel * ((sinP * cosN) + (cosP * sinN));
            pitch += ((rate - turning) * dt) + (0.5 * alpha * dt * dt);
            rate += alpha * dt;
            mass -= flow * dt;
            propulsion.Advance(dt, flow, radial);
        }

        var (r, angle, vr, vt) = Translate(start, sumRadial / steps, sumHorizontal / steps, steps * dt);
        return new AscentState(r, angle, vr, vt, mass, pitch, rate);
    }

    // RK4 of the point mass under a constant thrust acceleration (radial, horizontal) and central gravity.
    private static (double R, double Angle, double Vr, double Vt) Translate(in AscentState s, double aRadial, double aHorizontal, double h)
    {
        static void D(double r, double vr, double vt, double ar, double at, out double dr, out double da, out double dvr, out double dvt)
        {
            var inv = 1 / r;
            dr = vr;
            da = vt * inv;
            dvr = ar - (Earth.Mu * inv * inv) + (vt * vt * inv);
            dvt = at - (vr * vt * inv);
        }

        var half = 0.5 * h;
        D(s.RadiusM, s.RadialSpeedMps, s.HorizontalSpeedMps, aRadial, aHorizontal, out var r1, out var a1, out var vr1, out var vt1);
        D(s.RadiusM + (half * r1), s.RadialSpeedMps + (half * vr1), s.HorizontalSpeedMps + (half * vt1), aRadial, aHorizontal,
            out var r2, out var a2, out var vr2, out var vt2);
        D(s.RadiusM + (half * r2), s.RadialSpeedMps + (half * vr2), s.HorizontalSpeedMps + (half * vt2), aRadial, aHorizontal,
            out var r3, out var a3, out var vr3, out var vt3);
        D(s.RadiusM + (h * r3), s.RadialSpeedMps + (h * vr3), s.HorizontalSpeedMps + (h * vt3), aRadial, aHorizontal,
            out var r4, out var a4, out var vr4, out var vt4);
        var w = h / 6;
        return (
            s.RadiusM + (w * (r1 + (2 * r2) + (2 * r3) + r4)),
            s.AngleRad + (w * (a1 + (2 * a2) + (2 * a3) + a4)),
            s.RadialSpeedMps + (w * (vr1 + (2 * vr2) + (2 * vr3) + vr4)),
            s.HorizontalSpeedMps + (w * (vt1 + (2 * vt2) + (2 * vt3) + vt4)));
    }
}
