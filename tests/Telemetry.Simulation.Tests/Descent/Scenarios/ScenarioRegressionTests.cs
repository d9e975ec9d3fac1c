using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class ScenarioRegressionTests(ShippedRuns runs) : IClassFixture<ShippedRuns>
{
    public static TheoryData<string> ScenariosWithReferences => new() { "nominal", "resilience-m2", "hakuto-r-m1", "slim" };

    [Theory]
    [MemberData(nameof(ScenariosWithReferences))]
    public void Run_ShippedScenario_ReproducesEveryReferenceFigureWithinTolerance(string name)
    {
        var result = runs.Get(name);
        var reference = Assert.IsType<ScenarioReference>(result.Scenario.Reference);
        ReferenceFigures.AssertAllWithin(name, reference.Figures.Select(f => (f.Name, f.Value, f.Tolerance, f.Unit, result.Measure(f))));
    }

    [Fact]
    public void Run_Nominal_LandsSoftlyBelowTwoMetresPerSecond()
    {
        var result = runs.Get("nominal");

        Assert.Equal(OutcomeKind.SoftTouchdown, result.Outcome.Kind);
        // The terminal rate is fitted (0.86 m/s: M1 slowed to under 1 m/s, M2's timing); the requirement is below 2 m/s.
        Assert.InRange(result.Outcome.VerticalSpeedMps, 0.5, 2.0);
        Assert.InRange(result.Outcome.HorizontalSpeedMps, 0, 0.1);
        Assert.False(result.Outcome.PropellantExhausted);
        Assert.InRange(result.Outcome.PropellantRemainingKg, 20, 50);
        Assert.Equal(
            [GuidancePhase.Braking, GuidancePhase.VerticalHold, GuidancePhase.LandingBurn, GuidancePhase.TerminalDescent,
             GuidancePhase.Landed],
            Phases(result));

        // The landing burn starts on LRF-validated altitude at the 3 km design altitude.
        var burn = PhaseEntry(result, GuidancePhase.LandingBurn);
        Assert.InRange(burn.EstimatedAltitudeM, 2990, 3000);
        Assert.InRange(burn.TrueAltitudeM, 2980, 3010);
        Assert.Null(result.FirstEvent(TimelineEventKind.LrfLatchedFailed));
    }

    [Fact]
    public void Run_ResilienceM2_FirstValidLrfAt893MetresThenFullThrustCannotStopIt()
    {
        var result = runs.Get("resilience-m2");

        Assert.Equal(OutcomeKind.HardImpact, result.Outcome.Kind);
        var firstValid = result.FirstEvent(TimelineEventKind.LrfFirstValid)!;
        Assert.InRange(firstValid.TrueAltitudeM, 883, 893);
        Assert.InRange(firstValid.DescentRateMps, 63, 69);
        Assert.InRange(result.Crossing(192)!.DescentRateMps, 39, 45);
        Assert.InRange(result.Outcome.VerticalSpeedMps, 25, 35);

        // Nominal passes 893 m at the planned ~44 m/s: the 22 m/s difference is the late landing burn.
        Assert.InRange(runs.Get("nominal").Crossing(893)!.DescentRateMps, 41, 47);

        // The landing burn waits for the LRF, then runs at full thrust from its first cycles to the impact.
        var burn = PhaseEntry(result, GuidancePhase.LandingBurn);
        Assert.True(burn.TimeS > firstValid.TimeS);
        var fullThrust = result.Trajectory.Where(s => s.Phase == GuidancePhase.LandingBurn && s.TimeS > burn.TimeS + 2);
        Assert.All(fullThrust, s => Assert.Equal(1.0, s.Throttle, 1e-9));
    }

    [Fact]
    public void Run_HakutoRM1_CliffLatchesLrfThenPropellantRunsOutKilometresUpAndItFalls()
    {
        var result = runs.Get("hakuto-r-m1");
        var rejected = result.FirstEvent(TimelineEventKind.LrfRejected)!;
        var latched = result.FirstEvent(TimelineEventKind.LrfLatchedFailed)!;
        var propellantOut = result.FirstEvent(TimelineEventKind.PropellantOut)!;

        Assert.True(result.FirstEvent(TimelineEventKind.LrfFirstValid)!.TimeS < rejected.TimeS);
        Assert.True(rejected.TimeS < latched.TimeS);
        Assert.True(latched.TimeS < propellantOut.TimeS);

        // After the latch, navigation believes the lander is lower than it is by the rim's relief (3.5 km as fitted).
        Assert.InRange(latched.TrueAltitudeM - latched.EstimatedAltitudeM, 3400, 3600);
        Assert.True(result.Outcome.PropellantExhausted);
        Assert.InRange(result.Outcome.PropellantOutAltitudeM!.Value, 2000, 3500);
        Assert.True(propellantOut.EstimatedAltitudeM < 0, "navigation thought it was at or below the surface");
        Assert.InRange(propellantOut.DescentRateMps, 0, 2);

        Assert.Equal(OutcomeKind.HardImpact, result.Outcome.Kind);
        // The last sample is the contact itself; the one before it is still falling freely.
        Assert.Equal(GuidancePhase.FreeFall, result.Trajectory[^2].Phase);
        Assert.Equal(0, result.Trajectory[^2].ThrustN);
        Assert.Equal(0, result.Trajectory[^1].ThrustN);

        // Free fall from the propellant-out altitude: v² ≈ v0² + 2·g·h (g at the surface, within 2 %).
        var g = 4.9048695e12 / (1_737_400.0 * 1_737_400.0);
        var expected = Math.Sqrt((propellantOut.DescentRateMps * propellantOut.DescentRateMps) + (2 * g * propellantOut.TrueAltitudeM));
        Assert.Equal(expected, result.Outcome.VerticalSpeedMps, 0.02 * expected);
    }

    [Fact]
    public void Run_LrfDisabled_NavigationDriftsWithoutAltitudeUpdatesAndLandsHard()
    {
        var result = runs.Get("lrf-disabled");

        Assert.Null(result.FirstEvent(TimelineEventKind.LrfFirstValid));
        Assert.Null(result.FirstEvent(TimelineEventKind.LrfRejected));
        Assert.All(result.Trajectory, s => Assert.False(s.LrfValid));

        // The landing burn starts on inertial altitude alone, and the estimate drifts upwards of the truth:
        // at contact navigation still believes it is tens of metres up.
        var contact = result.Events[^1];
        Assert.Equal(TimelineEventKind.Impact, contact.Kind);
        Assert.InRange(contact.EstimatedAltitudeM, 20, 100);
        var errors = result.Trajectory.Select(s => s.EstimatedAltitudeM - s.TrueAltitudeM).ToArray();
        Assert.True(Math.Abs(errors[0]) < 5);
        Assert.True(errors[^1] > 20);

        Assert.Equal(OutcomeKind.HardImpact, result.Outcome.Kind);
        Assert.InRange(result.Outcome.VerticalSpeedMps, 4, 12);
        Assert.InRange(result.Outcome.HorizontalSpeedMps, 0.2, 1.0);
    }

    private static GuidancePhase[] Phases(DescentResult result) =>
        [GuidancePhase.Braking, .. result.Events.Where(e => e.Kind == TimelineEventKind.PhaseChange && e.TimeS > 0)
            .Select(e => Enum.Parse<GuidancePhase>(e.Description[(e.Description.IndexOf("-> ", StringComparison.Ordinal) + 3)..]))];

    private static TimelineEvent PhaseEntry(DescentResult result, GuidancePhase phase) => result.PhaseEntry(phase)!;
}
