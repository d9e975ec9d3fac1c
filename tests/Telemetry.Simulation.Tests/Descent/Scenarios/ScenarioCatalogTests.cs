using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void Load_EveryShippedName_ParsesWithItsOwnName()
    {
        Assert.Equal(
            ["nominal", "resilience-m2", "hakuto-r-m1", "lrf-disabled", "resilience-m2-inertial-start", "hakuto-r-m1-readmit", "lrf-disabled-silent-check", "slim"],
            ScenarioCatalog.Names);
        foreach (var name in ScenarioCatalog.Names)
        {
            Assert.Equal(name, ScenarioCatalog.Load(name).Name);
        }
    }

    [Fact]
    public void Load_ShippedFileCopiedToOutput_SameAsEmbeddedResource()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Scenarios", "resilience-m2.json");

        Assert.Equal(ScenarioCatalog.ToJson(ScenarioCatalog.Load("resilience-m2")), ScenarioCatalog.ToJson(ScenarioCatalog.Load(path)));
    }

    [Fact]
    public void Parse_MinimalDocument_TakesEveryDocumentedDefault()
    {
        var parsed = ScenarioCatalog.Parse("""{ "name": "x" }""", "inline");

        Assert.Equal(ScenarioCatalog.ToJson(new Scenario { Name = "x" }), ScenarioCatalog.ToJson(parsed));
        Assert.Equal(0.01, parsed.StepS);
        Assert.Equal(1470, parsed.Vehicle.MaxThrustN);
        Assert.Equal([3000.0, 893.0, 192.0], parsed.AltitudeCrossingsM);
    }

    [Fact]
    public void Parse_FileNamingItsSchema_Accepted()
    {
        var parsed = ScenarioCatalog.Parse("""{ "$schema": "scenario.schema.json", "name": "x" }""", "inline");

        Assert.Equal("scenario.schema.json", parsed.SchemaUri);
        Assert.Equal("scenario.schema.json", ScenarioCatalog.Load("nominal").SchemaUri);
    }

    [Fact]
    public void ToJson_ShippedScenario_RoundTrips()
    {
        var original = ScenarioCatalog.Load("hakuto-r-m1");
        var json = ScenarioCatalog.ToJson(original);

        Assert.Equal(json, ScenarioCatalog.ToJson(ScenarioCatalog.Parse(json, "round-trip")));
    }

    [Theory]
    [InlineData("""{ "vehicle": { "maxThrust": 1 } }""", "$.vehicle.maxThrust", "could not be mapped")]
    [InlineData("""{ "vehicle": { "minThrottle": 1.5 } }""", "$.vehicle.minThrottle", "between 0 and 1, got 1.5")]
    [InlineData("""{ "vehicle": { "maxThrustN": "lots" } }""", "$.vehicle.maxThrustN", "could not be converted")]
    [InlineData("""{ "stepS": 0 }""", "$.stepS", "greater than 0")]
    [InlineData("""{ "lrf": { "dropoutWindows": [ { "startS": 1, "endS": 2 }, { "startS": 5, "endS": 4 } ] } }""", "$.lrf.dropoutWindows[1].endS", "before startS")]
    [InlineData("""{ "terrain": { "profile": [ { "downrangeM": 10 }, { "downrangeM": 5 } ] } }""", "$.terrain.profile[1].downrangeM", "increasing")]
    [InlineData("""{ "navigation": { "latchRejections": 0 } }""", "$.navigation.latchRejections", "greater than 0")]
    [InlineData("""{ "guidance": { "holdThrottle": 0.1 } }""", "$.guidance.holdThrottle", "minThrottle")]
    [InlineData("""{ "imu": null }""", "$.imu", "null")]
    [InlineData("""{ "altitudeCrossingsM": [ 100, -5 ] }""", "$.altitudeCrossingsM[1]", "0 or more")]
    public void Parse_BadValue_ThrowsNamingTheJsonPath(string json, string path, string problem)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse(json, "bad.json"));

        Assert.Equal(path, e.JsonPath);
        Assert.StartsWith($"bad.json: {path}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenJson_NamesTheLine()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse("{\n  \"name\": \"x\",\n  \"stepS\": 0.01 0.02\n}", "broken.json"));

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownNameThatIsNoFile_ListsTheShippedNames()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load("resilience-m3"));

        Assert.Contains("nominal, resilience-m2, hakuto-r-m1, lrf-disabled", e.Message, StringComparison.Ordinal);
    }
}
