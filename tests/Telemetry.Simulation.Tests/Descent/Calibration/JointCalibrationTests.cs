using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Descent.Calibration;

namespace Telemetry.Simulation.Tests.Descent.Calibration;

/// <summary>The joint calibration on the shipped scenarios (one fit, no hold-outs, shared by the tests).</summary>
public sealed class JointCalibrationTests(JointCalibrationTests.ShippedFit fit) : IClassFixture<JointCalibrationTests.ShippedFit>
{
    public sealed class ShippedFit
    {
        public CalibrationResult Result { get; } = JointCalibration.Run(CalibrationScenarios.Shipped(), seed: 0, holdOuts: false);
    }

    private CalibrationResult Result => fit.Result;

    private FigureResult Figure(string id) => Result.Figures.Single(f => f.Figure.Id == id);

    [Fact]
    public void Run_ShippedScenarios_AreTheFitItself()
    {
        // The shipped nominal, resilience-m2 and hakuto-r-m1 were written by calibrate: fitting again from them
        // returns the same values, so the files and the fit cannot drift apart.
        Assert.Equal(Result.Start, Result.Values);
        Assert.Equal(
            ["max_thrust", "isp", "hold_throttle", "landing_burn_time_factor", "throttle_rate", "low_gate_altitude",
             "terminal_descent_rate", "crater_rim_height"],
            Result.Parameters.Select(p => p.Name));
        Assert.Equal([1423, 321, 0.377, 0.726, 0.61, 70, 0.86, 3500], Result.Values);
        foreach (var name in JointCalibration.Family)
        {
            Assert.Equal(
                ScenarioCatalog.ToJson(ScenarioCatalog.Load(name)),
                ScenarioCatalog.ToJson(JointCalibration.FamilyWith(Result).Single(s => s.Name == name)));
        }
    }

    [Theory]
    [InlineData("nominal_rate_at_893_m", 43.88, -0.04)]
    [InlineData("m2_rate_at_first_valid", 66.34, 0.11)]
    [InlineData("m2_rate_at_192_m", 44.83, 0.94)]
    [InlineData("m2_impact_speed", 34.89, -2.14)]
    [InlineData("m2_ahead_of_schedule", 105.21, 0.01)]
    [InlineData("m1_belief_error", 3500, -3.00)]
    public void Run_FittedFigures_ModelValueAndResidualAsDocumented(string id, double model, double residual)
    {
        var f = Figure(id);

        Assert.Equal(FigureRole.Fitted, f.Figure.Role);
        Assert.Equal(model, f.Model!.Value, Math.Abs(model) * 0.001);
        Assert.Equal((f.Model.Value - f.Figure.Value) / f.Figure.Sigma, f.Residual!.Value, 1e-12);
        Assert.Equal(residual, f.Residual.Value, 0.01);
    }

    [Fact]
    public void Run_ChecksAndImposedFigure_AllHold()
    {
        Assert.All(Result.Figures.Where(f => f.Figure.Role == FigureRole.Check), f => Assert.True(f.Passes, f.Figure.Id));
        Assert.Equal(886.7, Figure("m2_first_valid_altitude").Model!.Value, 0.5);
        Assert.Equal(0.85, Figure("m1_slow_descent").Model!.Value, 0.01);
        Assert.Equal(3400, Figure("m1_propellant_out_altitude").Model!.Value, 5.0);
    }

    [Fact]
    public void Run_WhatDoesNotFit_TheRimAtItsBoundAndTheImpactAgainstTheLastTelemetry()
    {
        var rim = Result.Parameters.Select((p, j) => (p, j)).Single(x => x.p.Name == "crater_rim_height").j;
        Assert.True(Result.AtBound(rim));
        Assert.Equal(["crater_rim_height"], Result.Parameters.Where((_, j) => Result.AtBound(j)).Select(p => p.Name));

        var conflict = Assert.Single(Result.Conflicts);
        Assert.Equal(("m2_rate_at_192_m", "m2_impact_speed"), (conflict.First.Id, conflict.Second.Id));
        Assert.True(conflict.Cosine < -0.99);

        // Physics alone: engine off from 42 m/s at 192 m reaches 48.9 m/s, short of the reported 52.
        Assert.Equal(48.9, PublicFigures.EngineOffSpeed(42, 192), 0.05);
        Assert.Equal(14.47, Result.Cost, 0.01);
    }
}
