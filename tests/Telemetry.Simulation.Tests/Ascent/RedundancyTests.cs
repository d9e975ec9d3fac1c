using Telemetry.Simulation.Ascent;

namespace Telemetry.Simulation.Tests.Ascent;

/// <summary>The two channels and their vote, on the nominal vehicle with one channel made to misjudge or fault.</summary>
public sealed class RedundancyTests
{
    private static readonly AscentScenario Nominal = AscentScenarioCatalog.Load("kairos-nominal");

    [Theory]
    [InlineData(VoteRule.OneOfTwo, true)]
    [InlineData(VoteRule.TwoOfTwo, false)]
    public void Vote_OneChannelBlind_OneOfTwoTerminatesTwoOfTwoFliesOn(VoteRule vote, bool terminated)
    {
        // Channel B loses its navigation from 20 s to 30 s: its navigation-loss rule calls for termination at 22 s.
        var scenario = Scenario(vote, ChannelFaultPolicy.Terminate, b: new AftsChannel { Name = "B", NavigationLoss = [new() { StartS = 20, EndS = 30 }] });
        var result = AscentSimulator.Run(scenario, 0, recordEvery: 10);

        var verdict = Assert.Single(result.Events, e => e.Kind == AscentEventKind.ChannelVerdict);
        Assert.Equal("B", verdict.Channel);
        Assert.Equal(AftsRule.NavigationLoss, verdict.Rule);
        Assert.Equal(22, verdict.TimeS, 0.051);
        if (terminated)
        {
            Assert.Equal(verdict.TimeS, result.Outcome.Termination!.TimeS);
            Assert.Equal("B", result.Outcome.Termination.Channel);
        }
        else
        {
            Assert.Null(result.Outcome.Termination);
            Assert.Equal(AscentOutcomeKind.Orbit, result.Outcome.Kind);
            Assert.Equal(1, result.Trajectory[^1].ChannelB);
            Assert.False(result.Trajectory[^1].Vote);
        }
    }

    [Fact]
    public void Vote_TwoOfTwo_TerminatesWhenTheSecondChannelAgrees()
    {
        var scenario = Scenario(VoteRule.TwoOfTwo, ChannelFaultPolicy.Terminate,
            a: new AftsChannel { Name = "A", NavigationLoss = [new() { StartS = 30, EndS = 40 }] },
            b: new AftsChannel { Name = "B", NavigationLoss = [new() { StartS = 20, EndS = 40 }] });
        var termination = AscentSimulator.Run(scenario, 0, recordEvery: 0).Outcome.Termination!;

        Assert.Equal(32, termination.TimeS, 0.051);
        Assert.Equal("A+B", termination.Channel);
    }

    [Theory]
    [InlineData(ChannelFaultPolicy.Terminate, true)]
    [InlineData(ChannelFaultPolicy.ContinueOnHealthy, false)]
    public void SelfTestFault_FailTowardTerminationOrContinueOnTheHealthyChannel(ChannelFaultPolicy policy, bool terminated)
    {
        var scenario = Scenario(VoteRule.OneOfTwo, policy, b: new AftsChannel { Name = "B", SelfTestFaultAtS = 40 });
        var result = AscentSimulator.Run(scenario, 0, recordEvery: 0);

        Assert.Equal(terminated, result.Outcome.Termination is not null);
        var faulty = Assert.Single(result.Events, e => e.Kind == AscentEventKind.ChannelFaulty);
        Assert.Equal(40.5, faulty.TimeS, 0.051);
        if (terminated)
        {
            Assert.Equal(AftsRule.ChannelFault, result.Outcome.Termination!.Rule);
            Assert.Equal(faulty.TimeS, result.Outcome.Termination.TimeS);
        }
    }

    [Fact]
    public void SelfTestFault_ContinueOnHealthy_TheHealthyChannelStillJudgesAlone()
    {
        // B faults at 10 s and is dropped; A then loses its navigation: A alone must terminate.
        var scenario = Scenario(VoteRule.TwoOfTwo, ChannelFaultPolicy.ContinueOnHealthy,
            a: new AftsChannel { Name = "A", NavigationLoss = [new() { StartS = 20, EndS = 30 }] },
            b: new AftsChannel { Name = "B", SelfTestFaultAtS = 10 });
        var termination = AscentSimulator.Run(scenario, 0, recordEvery: 0).Outcome.Termination!;

        Assert.Equal(AftsRule.NavigationLoss, termination.Rule);
        Assert.Equal("A", termination.Channel);
    }

    [Fact]
    public void Channels_DrawTheirOwnNoise_SameSeedDifferentChannelsDifferentValues()
    {
        var result = AscentSimulator.Run(Nominal, 3, recordEvery: 10);
        var violations = result.Events.Where(e => e.Kind == AscentEventKind.RuleViolated).ToList();
        Assert.Empty(violations);

        // f1's two channels see the same shortfall through different noise: equal rule and time, different values.
        var f1 = AscentSimulator.Run(AscentScenarioCatalog.Load("kairos-f1"), 3, recordEvery: 10);
        var verdicts = f1.Events.Where(e => e.Kind == AscentEventKind.ChannelVerdict).ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.NotEqual(verdicts[0].Value, verdicts[1].Value);
    }

    private static AscentScenario Scenario(VoteRule vote, ChannelFaultPolicy policy, AftsChannel? a = null, AftsChannel? b = null) =>
        Nominal with
        {
            Afts = Nominal.Afts with
            {
                Channels = [a ?? new AftsChannel { Name = "A" }, b ?? new AftsChannel { Name = "B" }],
                Redundancy = new RedundancyParameters { Vote = vote, OnChannelFault = policy },
            },
        };
}
