using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class MonteCarloTests
{
    // A coarser step keeps these runs quick; the physics tests cover the integrator at the default step.
    private static readonly Scenario Nominal = ScenarioCatalog.Load("nominal") with { StepS = 0.02 };

    [Fact]
    public void Apply_SameSeed_SameScenario_DifferentSeed_Different()
    {
        Assert.Equal(ScenarioCatalog.ToJson(Dispersions.Apply(Nominal, 3)), ScenarioCatalog.ToJson(Dispersions.Apply(Nominal, 3)));
        Assert.NotEqual(Dispersions.Apply(Nominal, 3).Vehicle.MaxThrustN, Dispersions.Apply(Nominal, 4).Vehicle.MaxThrustN);
    }

    [Fact]
    public void Apply_ZeroSigmas_ChangesNothing()
    {
        var fixedScenario = Nominal with
        {
            Dispersion = new DispersionParameters
            {
                ImuBiasSigmaMps2 = 0, ThrustScaleSigma = 0, LrfNoiseLogSigma = 0, InitialAltitudeSigmaM = 0,
                InitialHorizontalSpeedSigmaMps = 0, InitialDescentRateSigmaMps = 0,
            },
        };

        Assert.Equal(ScenarioCatalog.ToJson(fixedScenario), ScenarioCatalog.ToJson(Dispersions.Apply(fixedScenario, 11)));
    }

    [Fact]
    public void Run_SmallCampaign_DeterministicAndCountsSuccesses()
    {
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports);
        var a = MonteCarlo.Run(Nominal, runs: 12, seed: 100, progress);
        var b = MonteCarlo.Run(Nominal, runs: 12, seed: 100);

        Assert.Equal(12, a.Runs);
        Assert.Equal(a.Outcomes, b.Outcomes);
        Assert.Equal(a.Outcomes.Count(o => o.IsSafe), a.Successes);
        Assert.Equal(12, reports.Max());
        Assert.Equal(DescentSimulator.Run(Dispersions.Apply(Nominal, 105), 105, 0).Outcome, a.Outcomes[5]);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => MonteCarlo.Run(Nominal, 10, 0, cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(8, 10, 0.4902, 0.9433)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(9500, 10000, 0.9456, 0.9541)]
    public void WilsonInterval_KnownCounts_MatchesTheFormula(int successes, int runs, double lower, double upper)
    {
        var summary = new MonteCarloSummary(runs, successes, []);

        Assert.Equal((double)successes / runs, summary.Probability, 1e-12);
        Assert.Equal(lower, summary.WilsonLower, 1e-4);
        Assert.Equal(upper, summary.WilsonUpper, 1e-4);
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
