using System.Text.Json;
using Telemetry.Guidance.Internal;

namespace Telemetry.Guidance;

/// <summary>The shipped scenarios, and the reader for scenario files.</summary>
public static class ScenarioCatalog
{
    private const string ResourcePrefix = "Telemetry.Guidance.Scenarios.";

    /// <summary>Names of the shipped scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } = ["nominal", "resilience-m2", "hakuto-r-m1", "lrf-disabled"];

    /// <summary>
    /// Loads a shipped scenario by name, or else reads a JSON scenario file at that path.
    /// Throws <see cref="ScenarioException"/> naming the JSON path of any bad value.
    /// </summary>
    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Names.Contains(nameOrPath))
        {
            using var stream = typeof(ScenarioCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath + ".json")
                ?? throw new ScenarioException($"Shipped scenario '{nameOrPath}' is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), nameOrPath);
        }

        if (!File.Exists(nameOrPath))
        {
            throw new ScenarioException(
                $"'{nameOrPath}' is neither a shipped scenario ({string.Join(", ", Names)}) nor an existing file.");
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    /// <summary>
    /// Parses scenario JSON (camelCase names; comments and trailing commas allowed; unknown properties rejected)
    /// and validates every value. Throws <see cref="ScenarioException"/> naming the JSON path of the bad value.
    /// </summary>
    /// <param name="json">The scenario document.</param>
    /// <param name="sourceName">File or scenario name used in error messages.</param>
    public static Scenario Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize(json, ScenarioJson.ScenarioInfo);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new ScenarioException(sourceName, e.Path ?? "$", FirstSentence(e.Message) + where);
        }

        if (scenario is null)
        {
            throw new ScenarioException(sourceName, "$", "the document is null; expected a scenario object.");
        }

        ScenarioValidator.Validate(scenario, sourceName);
        return scenario;
    }

    /// <summary>Writes a scenario as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, ScenarioJson.ScenarioInfo);
    }

    // System.Text.Json appends its own path and position to messages; keep the first sentence and report ours.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
