using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Ascent;

public sealed class AscentCatalogTests
{
    [Fact]
    public void Load_EveryShippedAscent_RoundTripsThroughJson()
    {
        foreach (var name in AscentScenarioCatalog.Names)
        {
            var scenario = AscentScenarioCatalog.Load(name);
            Assert.Equal(name, scenario.Name);
            Assert.True(AscentScenarioCatalog.IsAscent(name));
            Assert.Equal(AscentScenarioCatalog.ToJson(scenario), AscentScenarioCatalog.ToJson(AscentScenarioCatalog.Parse(AscentScenarioCatalog.ToJson(scenario), name)));
        }

        Assert.False(AscentScenarioCatalog.IsAscent("resilience-m2"));
    }

    [Theory]
    [InlineData("""{ "kind": "ascent", "afts": { "attitudeRate": { "persistenceS": -1 } } }""", "$.afts.attitudeRate.persistenceS")]
    [InlineData("""{ "kind": "ascent", "faults": { "thrust": { "stage": 7, "fraction": 0.8 } } }""", "$.faults.thrust.stage")]
    [InlineData("""{ "kind": "ascent", "vehicle": { "dragByMach": [ { "mach": 2, "cd": 0.3 }, { "mach": 1, "cd": 0.3 } ] } }""", "$.vehicle.dragByMach[1].mach")]
    [InlineData("""{ "kind": "descent" }""", "$.kind")]
    [InlineData("""{ "kind": "ascent", "afts": { "attitudeRate": { "limt": 3 } } }""", "$.afts.attitudeRate")]
    public void Parse_BadValue_NamesItsJsonPath(string json, string path)
    {
        var e = Assert.Throws<ScenarioException>(() => AscentScenarioCatalog.Parse(json, "test.json"));

        Assert.StartsWith(path, e.JsonPath, StringComparison.Ordinal);
        Assert.StartsWith("test.json: " + path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsAscent_FileByKind_TrueForAscentFalseForDescent()
    {
        var ascent = Path.GetTempFileName();
        var descent = Path.GetTempFileName();
        try
        {
            File.WriteAllText(ascent, AscentScenarioCatalog.ToJson(AscentScenarioCatalog.Load("kairos-f3")));
            File.WriteAllText(descent, ScenarioCatalog.ToJson(ScenarioCatalog.Load("nominal")));
            Assert.True(AscentScenarioCatalog.IsAscent(ascent));
            Assert.False(AscentScenarioCatalog.IsAscent(descent));
        }
        finally
        {
            File.Delete(ascent);
            File.Delete(descent);
        }
    }
    [Fact]
    public void Load_UnknownNameInEitherCatalog_ListsTheShippedScenariosOfBothReplays()
    {
        var ascent = Assert.Throws<ScenarioException>(() => AscentScenarioCatalog.Load("apollo-11"));
        var descent = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load("apollo-11"));

        Assert.Equal(
            "'apollo-11' is neither a shipped scenario (descents: nominal, resilience-m2, hakuto-r-m1, lrf-disabled, " +
            "resilience-m2-inertial-start, hakuto-r-m1-readmit, lrf-disabled-silent-check, slim; ascents: " +
            "kairos-nominal, kairos-f1, kairos-f1-underperformance, kairos-f2, kairos-f3, kairos-f3-wobble, kairos-f3-continue) nor an existing file.",
            ascent.Message);
        Assert.Equal(ascent.Message, descent.Message);
    }
}
