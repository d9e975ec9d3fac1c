namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// One judgement cycle of a burn above the atmosphere, in two rates. The attitude loop keeps its 10 ms steps in both
/// axes: thrust from the curve, steering (on the cycle's starting navigation), the nozzle through its lag, and pitch
/// and yaw under the nozzle's constant angular acceleration over each step (exact there, with no air to add a
/// moment). The point mass then takes the whole cycle in one RK4 step under the cycle's mean thrust acceleration.
/// </summary>
internal static class VacuumBurn
{
    /// <summary>The state after <paramref name="steps"/> steps from step <paramref name="k"/>; the last step's thrust, commands and nozzle out.</summary>
    public static AscentState Fly(
        in AscentState start, long k, int steps, double dt, Propulsion propulsion, Steering steering, Tvc tvc, NavigationModel nav,
        in Vec3 normal, out double thrust, out (double Pitch, double Yaw) command, out (double Pitch, double Yaw) nozzle)
    {
        var stage = propulsion.Stage;
        var control = stage.NozzleArmM / (stage.RadiusOfGyrationM * stage.RadiusOfGyrationM);
        var kin = new Kinematics(start.Position, nav.SteeringVelocity(start, new Kinematics(start.Position, start.Velocity, normal).Down), normal);
        var truth = new Kinematics(start.Position, start.Velocity, normal);
        var pitchTurn = truth.VDown / truth.RadiusM;
        var yawTurn = truth.VLeft / truth.RadiusM;
        var (pitch, rate, yaw, yawRate, mass) = (start.PitchRad, start.RateRadS, start.YawRad, start.YawRateRadS, start.MassKg);
        var sum = default(Vec3);
        (thrust, command, nozzle) = (0, (0, 0), (0, 0));
        for (var j = 0; j < steps; j++)
        {
            var t = (k + j) * dt;
            thrust = propulsion.Thrust(dt, out var flow);
            var accel = thrust / mass;
            command = steering.Update(t, dt, propulsion.Index, accel, kin);
            nozzle = tvc.Update(t, propulsion.Index, pitch + nav.AttitudeBiasRad - command.Pitch, rate, yaw - command.Yaw, yawRate);
            var (sinN, _) = Tvc.SinCos(nozzle.Pitch);
            var (sinNy, _) = Tvc.SinCos(nozzle.Yaw);
            var alpha = -thrust * control * sinN / mass;
            var alphaYaw = -thrust * control * sinNy / mass;

            // The thrust direction at mid-step.
            var (sinP, cosP) = Math.SinCos(pitch + (0.5 * dt * (rate - pitchTurn)) + nozzle.Pitch);
            var (sinY, cosY) = Math.SinCos(yaw + (0.5 * dt * (yawRate - yawTurn)) + nozzle.Yaw);
            sum += ((((truth.Up * cosP) + (truth.Down * sinP)) * cosY) + (truth.Left * sinY)) * accel;
            pitch += ((rate - pitchTurn) * dt) + (0.5 * alpha * dt * dt);
            rate += alpha * dt;
            yaw += ((yawRate - yawTurn) * dt) + (0.5 * alphaYaw * dt * dt);
            yawRate += alphaYaw * dt;
            mass -= flow * dt;
            propulsion.Advance(dt, flow, truth.VUp);
        }

        var (p, v) = Translate(start.Position, start.Velocity, sum * (1.0 / steps), steps * dt);
        return new AscentState(p, v, mass, pitch, rate, yaw, yawRate);
    }

    /// <summary>RK4 of the point mass under a constant (inertial) thrust acceleration and central gravity.</summary>
    public static (Vec3 Position, Vec3 Velocity) Translate(in Vec3 p, in Vec3 v, in Vec3 thrust, double h)
    {
        var half = 0.5 * h;
        var b1 = Earth.Gravity(p) + thrust;
        var b2 = Earth.Gravity(p + (v * half)) + thrust;
        var v2 = v + (b1 * half);
        var b3 = Earth.Gravity(p + (v2 * half)) + thrust;
        var v3 = v + (b2 * half);
        var b4 = Earth.Gravity(p + (v3 * h)) + thrust;
        var v4 = v + (b3 * h);
        return (p + ((v + (2 * v2) + (2 * v3) + v4) * (h / 6)), v + ((b1 + (2 * b2) + (2 * b3) + b4) * (h / 6)));
    }
}
