using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Tests.Ascent;

public sealed class AftsRuleTests
{
    private const double Cycle = 0.05;
    private const double ExpectedAcceleration = 20;
    private static readonly LaunchFrame Kii = new(new LaunchSite());

    public static TheoryData<AftsRule, double, double> ValueRules => new()
    {
        { AftsRule.AttitudeError, 15, 0.7 },
        { AftsRule.AttitudeRate, 10, 0.5 },
        { AftsRule.Performance, 0.85, 4 },
    };

    [Theory]
    [MemberData(nameof(ValueRules))]
    public void Judge_ValueExactlyAtTheLimit_NeverFires(AftsRule rule, double limit, double persistence)
    {
        var afts = System(rule, limit, persistence);
        for (var k = 20; k <= 400; k++)
        {
            Assert.Null(afts.Judge(Snapshot(rule, k * Cycle, limit)));
        }

        Assert.False(afts.Reading(rule).Violated);
    }

    [Theory]
    [MemberData(nameof(ValueRules))]
    public void Judge_ValueJustBeyondTheLimit_FiresAfterExactlyItsPersistence(AftsRule rule, double limit, double persistence)
    {
        var afts = System(rule, limit, persistence);
        var beyond = AftsRules.LowerIsWorse(rule) ? limit - 1e-6 : limit + 1e-6;
        const int start = 40;
        var cycles = (int)Math.Round(persistence / Cycle);
        for (var k = start; k < start + cycles; k++)
        {
            Assert.Null(afts.Judge(Snapshot(rule, k * Cycle, beyond)));
            Assert.Equal((k - start) * Cycle, afts.Reading(rule).ViolatedForS, 1e-9);
        }

        var decision = Assert.IsType<AftsDecision>(afts.Judge(Snapshot(rule, (start + cycles) * Cycle, beyond)));
        Assert.Equal(rule, decision.Rule);
        Assert.Equal((start + cycles) * Cycle, decision.TimeS, 1e-9);
        Assert.Equal(persistence, decision.ViolatedForS, 1e-9);
        Assert.Equal(beyond, decision.Value, 1e-9);
        Assert.Equal(limit, decision.Limit);
    }

    [Theory]
    [MemberData(nameof(ValueRules))]
    public void Judge_ViolationBrokenForOneCycle_RestartsThePersistenceClock(AftsRule rule, double limit, double persistence)
    {
        var afts = System(rule, limit, persistence);
        var beyond = AftsRules.LowerIsWorse(rule) ? limit * 0.5 : limit * 2;
        var cycles = (int)Math.Round(persistence / Cycle);
        for (var k = 40; k < 40 + cycles; k++)
        {
            Assert.Null(afts.Judge(Snapshot(rule, k * Cycle, beyond)));
        }

        Assert.Null(afts.Judge(Snapshot(rule, (40 + cycles) * Cycle, limit)));
        for (var k = 41 + cycles; k < 41 + (2 * cycles); k++)
        {
            Assert.Null(afts.Judge(Snapshot(rule, k * Cycle, beyond)));
        }

        Assert.Equal(persistence, afts.Judge(Snapshot(rule, (41 + (2 * cycles)) * Cycle, beyond))!.ViolatedForS, 1e-9);
    }

    [Fact]
    public void Judge_ViolationBeforeTheArmingWindow_CountsOnlyFromTheWindowsStart()
    {
        var afts = System(AftsRule.AttitudeRate, 4, 0.3, armedFromS: 10);
        for (var k = 0; k < 206; k++)
        {
            Assert.Null(afts.Judge(Snapshot(AftsRule.AttitudeRate, k * Cycle, 20)));
        }

        Assert.Equal(10.3, afts.Judge(Snapshot(AftsRule.AttitudeRate, 206 * Cycle, 20))!.TimeS, 1e-9);
    }

    [Fact]
    public void Judge_NavigationInvalid_FiresTheLossRuleAfterItsPersistenceAndJudgesNothingElse()
    {
        var afts = System(AftsRule.NavigationLoss, 0, 2);
        var lost = Snapshot(AftsRule.AttitudeRate, 0, 50) with { Valid = false };
        for (var k = 0; k < 40; k++)
        {
            Assert.Null(afts.Judge(lost with { TimeS = k * Cycle }));
            Assert.False(afts.Reading(AftsRule.AttitudeRate).Armed);
        }

        Assert.Equal(AftsRule.NavigationLoss, afts.Judge(lost with { TimeS = 40 * Cycle })!.Rule);
    }

    [Theory]
    [InlineData(AftsRule.LimitLine, 1500.0)]
    [InlineData(AftsRule.ProtectedZone, 0.0)]
    public void Judge_ImpactPointRules_FireAfterPersistenceJustBeyondTheirLimitAndNeverAtIt(AftsRule rule, double westMps)
    {
        // Flying back over the coast (north), or hard west: the impact point lies in the zone, or beyond the west line.
        var flight = Flying(20_000, 500, -400, westMps) with { TimeS = 0 };
        if (rule == AftsRule.ProtectedZone)
        {
            flight = Flying(2000, 300, 400, 0);
        }

        var probe = System(rule, 0, 0);
        probe.Judge(flight);
        var value = probe.Reading(rule).Value;
        Assert.True(value > 0, $"{rule} should be violated, got {value}");

        var atLimit = System(rule, value, 0.5);
        var beyond = System(rule, value - 1e-9, 0.5);
        for (var k = 0; k < 10; k++)
        {
            Assert.Null(atLimit.Judge(flight with { TimeS = k * Cycle }));
            Assert.Null(beyond.Judge(flight with { TimeS = k * Cycle }));
        }

        Assert.Null(atLimit.Judge(flight with { TimeS = 10 * Cycle }));
        Assert.Equal(rule, beyond.Judge(flight with { TimeS = 10 * Cycle })!.Rule);
    }

    [Fact]
    public void Judge_AfterAVerdict_ReadingsFollowButTheVerdictStands()
    {
        var afts = System(AftsRule.AttitudeRate, 4, 0);
        var verdict = afts.Judge(Snapshot(AftsRule.AttitudeRate, 5, 30));
        Assert.NotNull(verdict);
        Assert.Null(afts.Judge(Snapshot(AftsRule.AttitudeRate, 5.05, 1)));
        Assert.False(afts.Reading(AftsRule.AttitudeRate).Violated);
        Assert.Same(verdict, afts.Decision);
    }

    private static FlightTerminationSystem System(AftsRule rule, double limit, double persistence, double armedFromS = 0) =>
        new(Only(rule, limit, persistence, armedFromS), Flat(), Kii);

    // Only the rule under test is enabled, so nothing else can fire first.
    private static AftsParameters Only(AftsRule rule, double limit, double persistence, double armedFromS = 0)
    {
        var parameters = new AftsParameters();
        foreach (var r in AftsRules.All)
        {
            parameters = parameters.WithRule(r, parameters.Rule(r) with { Enabled = r == rule });
        }

        return parameters.WithRule(rule, new AftsRuleParameters { Limit = limit, PersistenceS = persistence, ArmedFromS = armedFromS });
    }

    // Expected acceleration constant, expected speed zero: the performance value is the acceleration ratio alone.
    private static ExpectedProfile Flat() => new(Cycle, [.. Enumerable.Repeat(ExpectedAcceleration, 4001)], new double[4001]);

    private static NavigationSnapshot Snapshot(AftsRule rule, double time, double value) =>
        Flying(100, 50, 0, 0) with
        {
            TimeS = time,
            SensedAccelerationMps2 = rule == AftsRule.Performance ? value * ExpectedAcceleration : ExpectedAcceleration,
            AttitudeErrorDeg = rule == AftsRule.AttitudeError ? value : 0,
            RateDegPerS = rule == AftsRule.AttitudeRate ? value : 0,
        };

    // Above the pad, moving relative to the ground: up, north and west (m/s).
    private static NavigationSnapshot Flying(double altitudeM, double upMps, double northMps, double westMps)
    {
        var up = Kii.Pad.Unit;
        var east = Vec3.Cross(new Vec3(0, 0, 1), up).Unit;
        var north = Vec3.Cross(up, east);
        var position = up * (Trajectory.EarthRadiusM + altitudeM);
        var velocity = position.Spin() + (up * upMps) + (north * northMps) - (east * westMps);
        return new NavigationSnapshot(0, true, position, velocity, ExpectedAcceleration, 0, 0, 0, 0);
    }
}
