using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Sensitivity;

public sealed class SensitivityParameterTests
{
    // The M1 scenario has terrain relief, so every parameter acts on it.
    private static readonly Scenario Cliff = ScenarioCatalog.Load("hakuto-r-m1");

    public static TheoryData<string> Names => [.. SensitivityParameters.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_EachEndOfTheRange_SetsThatParameterExactlyAndNoOther(string name)
    {
        var parameter = SensitivityParameters.All.Single(p => p.Name == name);
        foreach (var end in new[] { parameter.Low, parameter.High })
        {
            var applied = parameter.Apply(Cliff, end);

            Assert.Equal(end, parameter.ValueIn(applied), 1e-9);
            Assert.All(SensitivityParameters.All.Where(p => p != parameter), other => Assert.Equal(other.ValueIn(Cliff), other.ValueIn(applied)));
            Assert.Equal(ScenarioCatalog.ToJson(Cliff), ScenarioCatalog.ToJson(parameter.Apply(applied, parameter.ValueIn(Cliff))));
        }
    }

    [Theory]
    [InlineData("nominal")]
    [InlineData("resilience-m2")]
    [InlineData("hakuto-r-m1")]
    [InlineData("lrf-disabled")]
    public void For_ShippedScenario_EveryRangeHoldsTheShippedValue(string scenario)
    {
        var s = ScenarioCatalog.Load(scenario);
        var parameters = SensitivityParameters.For(s);

        Assert.All(parameters, p => Assert.InRange(p.ValueIn(s), p.Low, p.High));
        Assert.Equal(s.Terrain.Profile.Count > 0, parameters.Any(p => p.Name == "crater_rim_height"));
        Assert.Equal(SensitivityParameters.All.Count - (s.Terrain.Profile.Count > 0 ? 0 : 1), parameters.Count);
    }

    [Fact]
    public void Apply_CraterRimHeight_ScalesTheReliefAndKeepsTheFloor()
    {
        var rim = SensitivityParameters.All.Single(p => p.Name == "crater_rim_height");
        var lower = rim.Apply(Cliff, 2500).Terrain.Profile;

        Assert.Equal(Cliff.Terrain.Profile.Select(p => p.DownrangeM), lower.Select(p => p.DownrangeM));
        Assert.Equal(Cliff.Terrain.Profile.Select(p => p.HeightM == 0 ? 0 : 2500.0), lower.Select(p => p.HeightM));
    }

    [Fact]
    public void Apply_ValidationCount_RoundsToWholeReturns()
    {
        var count = SensitivityParameters.All.Single(p => p.Name == "validation_count");

        Assert.True(count.Whole);
        Assert.Equal(7, count.Apply(Cliff, 6.6).Navigation.ValidationCount);
    }

    [Fact]
    public void LatinHypercube_EachParameter_OneRunInEverySliceOfItsRange()
    {
        var parameters = SensitivityParameters.All;
        const int samples = 25;
        var design = SensitivityAnalysis.LatinHypercube(parameters, samples, seed: 5);

        Assert.Equal(samples, design.Length);
        for (var j = 0; j < parameters.Count; j++)
        {
            var (low, high) = (parameters[j].Low, parameters[j].High);
            var slices = design.Select(run => (int)Math.Floor((run[j] - low) / (high - low) * samples)).Order();
            Assert.Equal(Enumerable.Range(0, samples), slices);
        }

        Assert.Equal(design, SensitivityAnalysis.LatinHypercube(parameters, samples, seed: 5));
        Assert.NotEqual(design[0], SensitivityAnalysis.LatinHypercube(parameters, samples, seed: 6)[0]);
    }
}
