using System.Runtime.CompilerServices;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// Fixed-step RK4 of the ascent in the Earth-centred inertial frame: central gravity, thrust along the body axis turned
/// by the nozzle (pitch and yaw), drag against the velocity relative to the turning atmosphere and the wind, and two
/// attitude channels (pitch and yaw) each driven by nozzle torque and the aerodynamic moment of its angle of attack.
/// </summary>
internal static class AscentDynamics
{
    public static AscentState Step(in AscentState s, in StepInputs u, double dt)
    {
        var h = 0.5 * dt;
        var k1 = Derivative(s, u);
        var k2 = Derivative(Add(s, k1, h, u.MassFlowKgS), u);
        var k3 = Derivative(Add(s, k2, h, u.MassFlowKgS), u);
        var k4 = Derivative(Add(s, k3, dt, u.MassFlowKgS), u);
        var w = dt / 6;
        return new AscentState(
            s.Position + ((k1.Position + (2 * k2.Position) + (2 * k3.Position) + k4.Position) * w),
            s.Velocity + ((k1.Velocity + (2 * k2.Velocity) + (2 * k3.Velocity) + k4.Velocity) * w),
            s.MassKg - (u.MassFlowKgS * dt),
            s.PitchRad + (w * (k1.PitchRad + (2 * k2.PitchRad) + (2 * k3.PitchRad) + k4.PitchRad)),
            s.RateRadS + (w * (k1.RateRadS + (2 * k2.RateRadS) + (2 * k3.RateRadS) + k4.RateRadS)),
            s.YawRad + (w * (k1.YawRad + (2 * k2.YawRad) + (2 * k3.YawRad) + k4.YawRad)),
            s.YawRateRadS + (w * (k1.YawRateRadS + (2 * k2.YawRateRadS) + (2 * k3.YawRateRadS) + k4.YawRateRadS)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AscentState Add(in AscentState s, in AscentState d, double h, double massFlow) => new(
        s.Position + (d.Position * h), s.Velocity + (d.Velocity * h), s.MassKg - (massFlow * h), s.PitchRad + (d.PitchRad * h),
        s.RateRadS + (d.RateRadS * h), s.YawRad + (d.YawRad * h), s.YawRateRadS + (d.YawRateRadS * h));

    /// <summary>The time derivative of every state component (a state-shaped record of rates; the mass rate is −flow).</summary>
    internal static AscentState Derivative(in AscentState s, in StepInputs u)
    {
        var p = s.Position;
        var invR = 1 / p.Length;
        var up = p * invR;
        var across = Vec3.Cross(u.Normal, up);
        var down = across * (1 / across.Length);
        var left = Vec3.Cross(up, down);
        var invM = 1 / s.MassKg;

        // Air-relative velocity: the atmosphere turns with the Earth; the wind blows along the azimuth.
        var air = s.Velocity - p.Spin() - (down * u.WindMps);
        var (aUp, aDown, aLeft) = (Vec3.Dot(air, up), Vec3.Dot(air, down), Vec3.Dot(air, left));
        var (sinP, cosP) = Math.SinCos(s.PitchRad);
        var (sinY, cosY) = Math.SinCos(s.YawRad);
        var (sinNp, cosNp) = Tvc.SinCos(u.NozzlePitchRad);
        var (sinNy, cosNy) = Tvc.SinCos(u.NozzleYawRad);

        // Thrust along the body axis turned by the nozzle: pitch + δp in the pitch plane, yaw + δy out of it.
        var (sinTp, cosTp) = ((sinP * cosNp) + (cosP * sinNp), (cosP * cosNp) - (sinP * sinNp));
        var (sinTy, cosTy) = ((sinY * cosNy) + (cosY * sinNy), (cosY * cosNy) - (sinY * sinNy));
        var thrustDir = (((up * cosTp) + (down * sinTp)) * cosTy) + (left * sinTy);
        var speed = u.DragFactor == 0 && u.MomentFactor == 0 ? 0 : Math.Sqrt((aUp * aUp) + (aDown * aDown) + (aLeft * aLeft));
        var accel = (thrustDir * (u.ThrustN * invM)) - (air * (u.DragFactor * speed * invM)) + (up * (-Earth.Mu * invR * invR));

        // Angles of attack times speed: in the pitch plane, and out of it (sideslip).
        var alphaV = (sinP * aUp) - (cosP * aDown);
        var betaV = (sinY * ((cosP * aUp) + (sinP * aDown))) - (cosY * aLeft);
        var v = s.Velocity;
        return new AscentState(
            v,
            accel,
            -u.MassFlowKgS,
            s.RateRadS - (Vec3.Dot(v, down) * invR),
            ((u.MomentFactor * speed * alphaV) - (u.ThrustN * u.ControlFactor * sinNp)) * invM,
            s.YawRateRadS - (Vec3.Dot(v, left) * invR),
            ((u.MomentFactor * speed * betaV) - (u.ThrustN * u.ControlFactor * sinNy)) * invM);
    }
}
