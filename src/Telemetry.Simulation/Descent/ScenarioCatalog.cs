using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Simulation.Descent;

/// <summary>The shipped descent scenarios, and the reader for descent scenario files.</summary>
public static class ScenarioCatalog
{
    private static readonly ScenarioFormat<Scenario> Format = new(
        [
            "nominal", "resilience-m2", "hakuto-r-m1", "lrf-disabled",
            "resilience-m2-inertial-start", "hakuto-r-m1-readmit", "lrf-disabled-silent-check", "slim",
        ],
        ScenarioValidator.Validate);

    /// <summary>Names of the shipped descent scenarios.</summary>
    public static IReadOnlyList<string> Names => Format.Names;

    /// <summary>
    /// Loads a shipped scenario by name, or else reads a JSON scenario file at that path.
    /// Throws <see cref="Core.ScenarioException"/> naming the JSON path of any bad value.
    /// </summary>
    public static Scenario Load(string nameOrPath) => Format.Load(nameOrPath);

    /// <summary>
    /// Parses scenario JSON (camelCase names; comments and trailing commas allowed; unknown properties rejected)
    /// and validates every value. Throws <see cref="Core.ScenarioException"/> naming the JSON path of the bad value.
    /// </summary>
    /// <param name="json">The scenario document.</param>
    /// <param name="sourceName">File or scenario name used in error messages.</param>
    public static Scenario Parse(string json, string sourceName) => Format.Parse(json, sourceName);

    /// <summary>Writes a scenario as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    public static string ToJson(Scenario scenario) => Format.ToJson(scenario);
}
