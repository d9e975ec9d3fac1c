using System.Runtime.CompilerServices;
using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>
/// Fixed-step RK4 of a point mass under central gravity and thrust. Polar coordinates keep the centrifugal
/// (v²/r) and Coriolis-like (-v_r·v_t/r) terms that matter at orbital speed. Thrust and its direction are held
/// over a step; mass falls at thrust / exhaust speed.
/// </summary>
internal static class Dynamics
{
    /// <summary>
    /// Advances one step. When the propellant runs out inside the step, the step is split at the burn-out time
    /// and the rest is flown unpowered.
    /// </summary>
    /// <param name="s">State.</param>
    /// <param name="thrustN">Thrust (N).</param>
    /// <param name="upComponent">Thrust direction: local-vertical component of the unit vector.</param>
    /// <param name="alongComponent">Thrust direction: downrange component of the unit vector.</param>
    /// <param name="exhaustSpeedMps">Isp times g0 (m/s).</param>
    /// <param name="dryMassKg">Mass with no propellant (kg).</param>
    /// <param name="mu">Gravitational parameter (m³/s²).</param>
    /// <param name="dt">Step (s).</param>
    /// <param name="burnOut">True when the propellant ran out inside this step.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BodyState Step(
        in BodyState s, double thrustN, double upComponent, double alongComponent, double exhaustSpeedMps,
        double dryMassKg, double mu, double dt, out bool burnOut)
    {
        // The common case (powered, propellant for the whole step) is small enough to inline into the run loop.
        var massFlow = thrustN / exhaustSpeedMps;
        if (thrustN > 0 && massFlow * dt <= s.MassKg - dryMassKg)
        {
            burnOut = false;
            return Rk4(s, thrustN, upComponent, alongComponent, massFlow, mu, dt);
        }

        return CoastOrBurnOut(s, thrustN, upComponent, alongComponent, massFlow, dryMassKg, mu, dt, out burnOut);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BodyState CoastOrBurnOut(
        in BodyState s, double thrustN, double upComponent, double alongComponent, double massFlow,
        double dryMassKg, double mu, double dt, out bool burnOut)
    {
        burnOut = false;
        if (thrustN <= 0)
        {
            return Rk4(s, 0, 0, 0, 0, mu, dt);
        }

        burnOut = true;
        var burnTime = Math.Max(0, (s.MassKg - dryMassKg) / massFlow);
        var powered = Rk4(s, thrustN, upComponent, alongComponent, massFlow, mu, burnTime);
        var coast = Rk4(powered with { MassKg = dryMassKg }, 0, 0, 0, 0, mu, dt - burnTime);
        return coast with { MassKg = dryMassKg };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BodyState Rk4(
        in BodyState s, double thrustN, double up, double along, double massFlow, double mu, double dt)
    {
        // Thrust acceleration depends only on mass, known at the three RK4 instants. Divisions dominate a step,
        // so one reciprocal per quantity is carried to the nearby values by a series (see Reciprocal).
        var h = 0.5 * dt;
        var m4 = s.MassKg - (massFlow * dt);
        var invM = 1 / s.MassKg;
        var a1 = thrustN * invM;
        var a2 = thrustN * FastMath.Reciprocal(invM, -massFlow * h);
        var a4 = thrustN * FastMath.Reciprocal(invM, -massFlow * dt);
        var invR = 1 / s.RadiusM;
        Derivative(invR, s.RadialSpeedMps, s.TangentialSpeedMps, a1, up, along, mu,
            out var dr1, out var da1, out var dvr1, out var dvt1);
        Derivative(FastMath.Reciprocal(invR, h * dr1), s.RadialSpeedMps + (h * dvr1), s.TangentialSpeedMps + (h * dvt1), a2,
            up, along, mu, out var dr2, out var da2, out var dvr2, out var dvt2);
        Derivative(FastMath.Reciprocal(invR, h * dr2), s.RadialSpeedMps + (h * dvr2), s.TangentialSpeedMps + (h * dvt2), a2,
            up, along, mu, out var dr3, out var da3, out var dvr3, out var dvt3);
        Derivative(FastMath.Reciprocal(invR, dt * dr3), s.RadialSpeedMps + (dt * dvr3), s.TangentialSpeedMps + (dt * dvt3), a4,
            up, along, mu, out var dr4, out var da4, out var dvr4, out var dvt4);
        var w = dt / 6;
        return new BodyState(
            s.RadiusM + (w * (dr1 + (2 * dr2) + (2 * dr3) + dr4)),
            s.AngleRad + (w * (da1 + (2 * da2) + (2 * da3) + da4)),
            s.RadialSpeedMps + (w * (dvr1 + (2 * dvr2) + (2 * dvr3) + dvr4)),
            s.TangentialSpeedMps + (w * (dvt1 + (2 * dvt2) + (2 * dvt3) + dvt4)),
            m4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Derivative(
        double invR, double vr, double vt, double thrustAccel, double up, double along, double mu,
        out double dr, out double dAngle, out double dvr, out double dvt)
    {
        dr = vr;
        dAngle = vt * invR;
        dvr = (vt * vt * invR) - (mu * invR * invR) + (thrustAccel * up);
        dvt = (-vr * vt * invR) + (thrustAccel * along);
    }
}
