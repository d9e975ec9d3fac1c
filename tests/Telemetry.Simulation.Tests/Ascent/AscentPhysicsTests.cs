using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Tests.Ascent;

public sealed class AscentPhysicsTests
{
    private const double G0 = 9.80665;

    // A pad on the X axis with the launch plane's normal along Z: up is X, downrange is Y, left is Z.
    private static readonly Vec3 Normal = new(0, 0, 1);

    [Fact]
    public void Step_DragFreeVerticalBurn_MatchesRocketEquationLessGravityLoss()
    {
        const double thrust = 400_000, isp = 270, m0 = 23_000, dt = 0.01;
        var flow = thrust / (isp * G0);
        var inputs = new StepInputs(thrust, flow, 0, 0, 0, 0, 0, 0, Normal);
        var s = new AscentState(new Vec3(Earth.RadiusM, 0, 0), default, m0, 0, 0, 0, 0);
        var gravityLoss = 0.0;
        for (var i = 0; i < 6000; i++)
        {
            var before = s;
            s = AscentDynamics.Step(s, inputs, dt);
            // Trapezoid of the local gravity over the step: the loss the rocket equation does not contain.
            gravityLoss += 0.5 * dt * ((Earth.Mu / (before.RadiusM * before.RadiusM)) + (Earth.Mu / (s.RadiusM * s.RadiusM)));
        }

        var ideal = isp * G0 * Math.Log(m0 / s.MassKg);
        Assert.Equal(m0 - (flow * 60), s.MassKg, 1e-6);
        Assert.Equal(ideal - gravityLoss, s.RadialSpeedMps, 1e-3);
        Assert.Equal(0, s.HorizontalSpeedMps, 1e-9);
        Assert.Equal(0, s.PitchRad);
        Assert.Equal(0, s.YawRad);
    }

    [Theory]
    [InlineData(300, 0, 0, 0)]
    [InlineData(200, 150, 0, 0)]
    [InlineData(200, 150, 40, 0)]
    [InlineData(-50, 300, -20, 80)]
    public void Derivative_MovingThroughAir_DragOpposesTheVelocityRelativeToTheTurningAirAndTheWind(double vUp, double vDown, double wind, double vLeft)
    {
        var position = new Vec3(Earth.RadiusM + 5000, 0, 0);
        var velocity = new Vec3(vUp, vDown, vLeft);
        var s = new AscentState(position, velocity, 10_000, 0.3, 0, 0, 0);
        var still = AscentDynamics.Derivative(s, new StepInputs(0, 0, 0, 0, 0, 0, 0, wind, Normal));
        var dragged = AscentDynamics.Derivative(s, new StepInputs(0, 0, 0, 0, 0.8, 0, 0, wind, Normal));
        var drag = dragged.Velocity - still.Velocity;
        var air = velocity - position.Spin() - new Vec3(0, wind, 0);

        // Anti-parallel to the air-relative velocity, with magnitude ½ρSCd·V²/m.
        Assert.Equal(0, Vec3.Cross(drag, air).Length, 1e-9);
        Assert.True(Vec3.Dot(drag, air) < 0);
        Assert.Equal(0.8 * Vec3.Dot(air, air) / 10_000, drag.Length, 1e-9);
    }

    [Fact]
    public void Derivative_NozzleYawed_TurnsTheThrustLeftAndTheBodyRight()
    {
        var s = new AscentState(new Vec3(Earth.RadiusM + 50_000, 0, 0), default, 10_000, 0, 0, 0, 0);
        var d = AscentDynamics.Derivative(s, new StepInputs(200_000, 0, 0, 0.05, 0, 0, 0.1, 0, Normal));
        Assert.True(d.Velocity.Z > 0, "thrust turned left");
        Assert.Equal(200_000 * Math.Sin(0.05) / 10_000, d.Velocity.Z, 1e-9);
        Assert.Equal(-200_000 * 0.1 * Math.Sin(0.05) / 10_000, d.YawRateRadS, 1e-9);
        Assert.Equal(0, d.RateRadS);
    }

    [Fact]
    public void Propulsion_SolidStageBurnt_DeliversItsImpulseAndSeparatesInertPlusResidual()
    {
        var stage = KairosStages.Default[0];
        var propulsion = new Propulsion([stage, KairosStages.Default[1]], [1, 1]);
        const double dt = 0.01;
        var (burnt, impulse, steps) = (0.0, 0.0, 0);
        var change = StageChange.None;
        while (change != StageChange.BurnOut)
        {
            steps++;
            var thrust = propulsion.Thrust(dt, out var flow);
            burnt += flow * dt;
            impulse += thrust * dt;
            change = propulsion.Advance(dt, flow, 0);
        }

        // Every kilogram is either burnt or dropped with the stage, and the curve delivers the propellant's impulse.
        Assert.Equal(stage.PropellantKg, burnt + (propulsion.SeparatedMassKg() - stage.InertKg), 1e-6);
        Assert.Equal(stage.PropellantKg * stage.IspS * G0, impulse, stage.PropellantKg * stage.IspS * G0 * 1e-3);
        Assert.Equal(stage.BurnTimeS, steps * dt, dt + 1e-9);
        Assert.True(propulsion.SeparatedMassKg() - stage.InertKg < 1, "residual propellant under 1 kg");
    }

    [Fact]
    public void Standard_Atmosphere_MatchesThe1976Table()
    {
        Atmosphere.Standard(0, out var rho0, out var a0);
        Atmosphere.Standard(11_019, out var rho11, out _);
        Atmosphere.Standard(20_063, out var rho20, out var a20);
        Assert.Equal(1.2250, rho0, 1e-4);
        Assert.Equal(340.29, a0, 0.01);
        Assert.Equal(0.36392, rho11, 1e-4);
        Assert.Equal(0.088035, rho20, 1e-4);
        Assert.Equal(295.07, a20, 0.01);
        Atmosphere.At(11_019, out var table, out _);
        // The 100 m table interpolates linearly: within 0.05 % of the model.
        Assert.Equal(rho11, table, 0.0005 * rho11);
    }

    [Fact]
    public void Apsides_CircularOrbit_PerigeeAndApogeeAtItsAltitude()
    {
        var r = Earth.RadiusM + 300_000;
        var (perigee, apogee) = Trajectory.Apsides(r, 0, Math.Sqrt(Earth.Mu / r));
        Assert.Equal(300_000, perigee, 1e-3);
        Assert.Equal(300_000, apogee, 1e-3);
    }

    [Fact]
    public void Step_VacuumCoastOneCycleAtOnce_MatchesFiveTenMillisecondSteps()
    {
        // 200 km up, climbing slowly below orbital speed: the coast before third-stage ignition.
        var start = new AscentState(new Vec3(Earth.RadiusM + 200_000, 0, 0), new Vec3(150, 6_500, 300), 2_500, 1.2, 0, 0, 0);
        var coast = new StepInputs(0, 0, 0, 0, 0, 0, 0, 0, Normal);
        var fine = start;
        for (var i = 0; i < 5; i++)
        {
            fine = AscentDynamics.Step(fine, coast, 0.01);
        }

        var coarse = AscentDynamics.Step(start, coast, 0.05);
        Assert.Equal(0, (fine.Position - coarse.Position).Length, 1e-6);
        Assert.Equal(0, (fine.Velocity - coarse.Velocity).Length, 1e-9);
    }

    [Fact]
    public void StepsToNextEvent_CoastBetweenStages_CountsToSeparationThenToIgnition()
    {
        var upper = KairosStages.Default[1];
        var propulsion = new Propulsion([KairosStages.Default[0] with { PropellantKg = 1 }, upper], [1, 1]);
        const double dt = 0.01;
        Assert.Equal(int.MaxValue, propulsion.StepsToNextEvent(dt, 0));
        while (propulsion.Advance(dt, propulsion.Thrust(dt, out var flow) > 0 ? flow : 0, 0) != StageChange.BurnOut)
        {
        }

        var toSeparation = propulsion.StepsToNextEvent(dt, 0);
        Assert.Equal((int)Math.Round(0.5 * upper.CoastBeforeIgnitionS / dt), toSeparation);
        Assert.Equal(StageChange.Separation, propulsion.Advance(toSeparation * dt, 0, 0));
        var toIgnition = propulsion.StepsToNextEvent(dt, 0);
        Assert.Equal((int)Math.Round(0.5 * upper.CoastBeforeIgnitionS / dt), toIgnition);
        Assert.Equal(StageChange.Ignition, propulsion.Advance(toIgnition * dt, 0, 0));
        Assert.Equal(int.MaxValue, propulsion.StepsToNextEvent(dt, 0));
    }

    [Fact]
    public void StepsToNextEvent_WaitingForApogee_NeverStepsPastTheIgnitionSpeed()
    {
        var upper = KairosStages.Default[1] with { IgniteBelowRadialSpeedMps = 150 };
        var propulsion = new Propulsion([KairosStages.Default[0] with { PropellantKg = 1 }, upper], [1, 1]);
        const double dt = 0.01;
        while (propulsion.Advance(dt, propulsion.Thrust(dt, out var flow) > 0 ? flow : 0, 0) != StageChange.BurnOut)
        {
        }

        Assert.Equal(StageChange.Separation, propulsion.Advance(propulsion.StepsToNextEvent(dt, 1000) * dt, 0, 1000));
        Assert.Equal(StageChange.None, propulsion.Advance(propulsion.StepsToNextEvent(dt, 1000) * dt, 0, 1000));

        // 50 m/s above the ignition speed: even surface gravity needs 509 steps to take it off.
        var steps = propulsion.StepsToNextEvent(dt, 200);
        Assert.Equal(509, steps);
        Assert.True(200 - (steps * dt * 9.8203) > 150);
        Assert.Equal(1, propulsion.StepsToNextEvent(dt, 150.05));
        Assert.Equal(StageChange.Ignition, propulsion.Advance(dt, 0, 149.99));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(-0.0123)]
    [InlineData(0.0873)]
    [InlineData(-0.125)]
    [InlineData(0.3)]
    public void NozzleSinCos_AnyDeflection_MatchesTheLibraryToRounding(double angle)
    {
        var (sin, cos) = Tvc.SinCos(angle);
        Assert.Equal(Math.Sin(angle), sin, 1e-16);
        Assert.Equal(Math.Cos(angle), cos, 1e-16);
    }
    [Fact]
    public void VacuumBurn_OneCycle_MatchesFiveFullTenMillisecondSteps()
    {
        // The third stage burning at 220 km under insertion steering (time past the kick, stage past the turns).
        var sc = AscentScenarioCatalog.Load("kairos-nominal");
        var programme = sc.Programme with { GravityTurnStages = 0, PitchOverStages = 0 };
        var stages = new[] { sc.Vehicle.Stages[2], sc.Vehicle.Stages[3] };
        var start = new AscentState(new Vec3(Earth.RadiusM + 220_000, 0, 0), new Vec3(40, 5_200, 200), 2_400, 1.45, 0.002, 0.01, 0.001);
        const double dt = 0.01;
        const long k = 30_000;

        (Propulsion, Steering, Tvc, NavigationModel) Parts() => (new Propulsion(stages, [1, 1]), new Steering(programme),
            new Tvc(sc.Control, sc.Faults, dt), new NavigationModel(sc.Navigation, sc.Faults, Telemetry.Simulation.Core.Internal.Rng.For(0, 11)));

        var (p1, s1, t1, n1) = Parts();
        var burnt = VacuumBurn.Fly(start, k, 5, dt, p1, s1, t1, n1, Normal, out _, out _, out _);

        var (p2, s2, t2, _) = Parts();
        var stepped = start;
        var stage = stages[0];
        var k2 = stage.RadiusOfGyrationM * stage.RadiusOfGyrationM;
        for (var j = 0; j < 5; j++)
        {
            var time = (k + j) * dt;
            var thrust = p2.Thrust(dt, out var flow);
            var command = s2.Update(time, dt, 0, thrust / stepped.MassKg, new Kinematics(stepped.Position, stepped.Velocity, Normal));
            var nozzle = t2.Update(time, 0, stepped.PitchRad - command.Pitch, stepped.RateRadS, stepped.YawRad - command.Yaw, stepped.YawRateRadS);
            stepped = AscentDynamics.Step(stepped, new StepInputs(thrust, flow, nozzle.Pitch, nozzle.Yaw, 0, 0, stage.NozzleArmM / k2, 0, Normal), dt);
            p2.Advance(dt, flow, stepped.RadialSpeedMps);
        }

        Assert.Equal(stepped.MassKg, burnt.MassKg, 1e-9);
        Assert.Equal(0, (stepped.Position - burnt.Position).Length, 0.02);
        Assert.Equal(0, (stepped.Velocity - burnt.Velocity).Length, 2e-3);

        // Steering reads the cycle's starting point mass, so the command (and the nozzle after it) differs slightly.
        Assert.Equal(stepped.PitchRad, burnt.PitchRad, 1e-6);
        Assert.Equal(stepped.RateRadS, burnt.RateRadS, 1e-5);
        Assert.Equal(stepped.YawRad, burnt.YawRad, 1e-6);
        Assert.Equal(stepped.YawRateRadS, burnt.YawRateRadS, 1e-5);
    }
}
