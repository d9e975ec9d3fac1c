using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Simulation.Tests.Descent.Physics;

public sealed class DynamicsTests
{
    private const double Dt = 0.01;

    [Fact]
    public void Step_FreeFallFromRest_MatchesEnergyClosedForm()
    {
        var r0 = Moon.RadiusM + 5000;
        var s = new BodyState(r0, 0, 0, 0, 500);
        for (var i = 0; i < 6000; i++)
        {
            s = Dynamics.Step(s, 0, 1, 0, 3000, 300, Moon.Mu, Dt, out _);
        }

        // Radial fall in a 1/r² field: v² = 2μ(1/r − 1/r0), exact for any time.
        var expectedSpeed = Math.Sqrt(2 * Moon.Mu * ((1 / s.RadiusM) - (1 / r0)));
        Assert.Equal(expectedSpeed, -s.RadialSpeedMps, 1e-6);

        // Over 60 s the drop is within 0.2 % of ½gt² with surface gravity at the start altitude.
        var g = Moon.Mu / (r0 * r0);
        Assert.Equal(0.5 * g * 60 * 60, r0 - s.RadiusM, 0.002 * 0.5 * g * 3600);
        Assert.Equal(500, s.MassKg);
    }

    [Fact]
    public void Step_ConstantThrustWithoutGravity_SpeedMatchesRocketEquation()
    {
        const double thrust = 1500;
        const double exhaust = 320 * Moon.G0;
        var s = new BodyState(Moon.RadiusM, 0, 0, 0, 800);
        for (var i = 0; i < 20_000; i++)
        {
            s = Dynamics.Step(s, thrust, 1, 0, exhaust, 300, mu: 0, Dt, out var burnOut);
            Assert.False(burnOut);
        }

        Assert.Equal(800 - (thrust / exhaust * 200), s.MassKg, 1e-9);
        Assert.Equal(exhaust * Math.Log(800 / s.MassKg), s.RadialSpeedMps, 1e-6);
    }

    [Fact]
    public void Step_PropellantRunsOutInsideStep_SplitsAtBurnOutAndEndsAtDryMass()
    {
        const double exhaust = 3000;
        var flow = 1500 / exhaust;
        var s = new BodyState(Moon.RadiusM + 1000, 0, 0, 0, 300 + (0.25 * flow * Dt));
        var next = Dynamics.Step(s, 1500, 1, 0, exhaust, 300, mu: 0, Dt, out var burnOut);

        Assert.True(burnOut);
        Assert.Equal(300, next.MassKg);

        // A quarter of the step under thrust, then coasting: Δv = c·ln(m0/m_dry).
        Assert.Equal(exhaust * Math.Log(s.MassKg / 300), next.RadialSpeedMps, 1e-9);
    }

    [Fact]
    public void Step_ThrustEqualsWeight_Hovers()
    {
        var s = new BodyState(Moon.RadiusM, 0, 0, 0, 400);
        var g = Moon.Mu / (Moon.RadiusM * Moon.RadiusM);
        var residual = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            // Thrust is held at the start-of-step weight while mass falls inside the step: that tiny excess
            // (rocket equation per step minus gravity) is the only vertical speed hovering may build.
            var thrust = s.MassKg * g;
            residual += (3000 * Math.Log(s.MassKg / (s.MassKg - (thrust / 3000 * Dt)))) - (g * Dt);
            s = Dynamics.Step(s, thrust, 1, 0, 3000, 300, Moon.Mu, Dt, out _);
        }

        Assert.Equal(residual, s.RadialSpeedMps, 1e-8);
        Assert.True(Math.Abs(s.RadialSpeedMps) < 1e-4);
        Assert.Equal(Moon.RadiusM, s.RadiusM, 1e-3);
    }

    [Fact]
    public void Step_ThrustOnePercentBelowWeight_SinksAtOnePercentOfGravity()
    {
        var s = new BodyState(Moon.RadiusM, 0, 0, 0, 400);
        var g = Moon.Mu / (Moon.RadiusM * Moon.RadiusM);
        for (var i = 0; i < 1000; i++)
        {
            s = Dynamics.Step(s, 0.99 * s.MassKg * g, 1, 0, 3000, 300, Moon.Mu, Dt, out _);
        }

        Assert.Equal(-0.01 * g * 10, s.RadialSpeedMps, 1e-4);
    }

    [Fact]
    public void Step_CircularOrbitSpeed_KeepsRadius()
    {
        var r = Moon.RadiusM + 20_000;
        var s = new BodyState(r, 0, 0, Math.Sqrt(Moon.Mu / r), 500);
        for (var i = 0; i < 10_000; i++)
        {
            s = Dynamics.Step(s, 0, 1, 0, 3000, 300, Moon.Mu, Dt, out _);
        }

        // The centrifugal term of horizontal speed balances gravity exactly at orbital speed.
        Assert.Equal(r, s.RadiusM, 1e-3);
        Assert.Equal(Math.Sqrt(Moon.Mu / r) * 100 / r, s.AngleRad, 1e-9);
    }

    [Theory]
    [InlineData(400.0, -0.05)]
    [InlineData(780.0, 0.0049)]
    [InlineData(1_757_400.0, 1.7)]
    [InlineData(1_737_400.0, -0.9)]
    public void Reciprocal_SmallRelativeChange_MatchesDivisionToTheLastBits(double x, double delta)
    {
        var expected = 1 / (x + delta);

        Assert.Equal(expected, FastMath.Reciprocal(1 / x, delta), expected * 4e-16);
    }
}
