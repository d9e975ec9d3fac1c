using System.Text.Json;
using Telemetry.Guidance.Internal;

namespace Telemetry.Guidance;

/// <summary>The shipped scenarios, and the reader for scenario files.</summary>
public static class ScenarioCatalog
{
    /// <summary>Names of the shipped scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "nominal", "resilience-m2", "hakuto-r-m1", "lrf-disabled",
        "resilience-m2-inertial-start", "hakuto-r-m1-readmit", "lrf-disabled-silent-check", "slim",
    ];

    /// <summary>Every shipped scenario of both replays, for help texts and errors: "descents: …; ascents: …".</summary>
    public static string DescribeShipped() =>
        $"descents: {string.Join(", ", Names)}; ascents: {string.Join(", ", Ascent.AscentScenarioCatalog.Names)}";

    /// <summary>
    /// Loads a shipped scenario by name, or else reads a JSON scenario file at that path.
    /// Throws <see cref="ScenarioException"/> naming the JSON path of any bad value.
    /// </summary>
    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (ScenarioReader.Shipped(nameOrPath, Names) is { } shipped)
        {
            return Parse(shipped, nameOrPath);
        }

        if (!File.Exists(nameOrPath))
        {
            throw ScenarioReader.Unknown(nameOrPath);
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    /// <summary>
    /// Parses scenario JSON (camelCase names; comments and trailing commas allowed; unknown properties rejected)
    /// and validates every value. Throws <see cref="ScenarioException"/> naming the JSON path of the bad value.
    /// </summary>
    /// <param name="json">The scenario document.</param>
    /// <param name="sourceName">File or scenario name used in error messages.</param>
    public static Scenario Parse(string json, string sourceName) =>
        ScenarioReader.Parse(json, sourceName, ScenarioJson.ScenarioInfo, ScenarioValidator.Validate);

    /// <summary>Writes a scenario as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, ScenarioJson.ScenarioInfo);
    }
}
