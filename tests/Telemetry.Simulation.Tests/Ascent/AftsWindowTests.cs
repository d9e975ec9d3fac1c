using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Tests.Ascent;

/// <summary>Why the performance rule is disarmed at 85 s: the first stage's tail-off comes earlier on a hotter motor.</summary>
public sealed class AftsWindowTests
{
    private const int Runs = 60;

    [Fact]
    public void MonteCarlo_PerformanceArmedTo85Seconds_NoHealthyDispersedVehicleTerminated()
    {
        var nominal = AscentScenarioCatalog.Load("kairos-nominal");
        var campaign = AscentMonteCarlo.Run([nominal], Runs, seed: 1);

        Assert.Equal(85, nominal.Afts.Performance.ArmedUntilS);
        Assert.Equal(Runs, campaign.FalseTermination.Total);
        Assert.Equal(0, campaign.FalseTermination.Count);
    }

    [Fact]
    public void MonteCarlo_PerformanceArmedTo100Seconds_TailOffOfHotterMotorsTerminatesHealthyVehicles()
    {
        var nominal = AscentScenarioCatalog.Load("kairos-nominal");
        var late = nominal with { Afts = nominal.Afts with { Performance = nominal.Afts.Performance with { ArmedUntilS = 100 } } };
        var campaign = AscentMonteCarlo.Run([late], Runs, seed: 1);

        var terminated = campaign.Runs.Where(r => r.Outcome.Termination is not null).Select(r => r.Outcome.Termination!).ToList();
        Assert.NotEmpty(terminated);
        Assert.Equal(terminated.Count, campaign.FalseTermination.Count);

        // Every one by the performance rule, its clock started after 85 s, inside the first stage's tail-off.
        Assert.All(terminated, d =>
        {
            Assert.Equal(AftsRule.Performance, d.Rule);
            Assert.InRange(d.TimeS - d.ViolatedForS, 85, 100);
        });
    }
}
