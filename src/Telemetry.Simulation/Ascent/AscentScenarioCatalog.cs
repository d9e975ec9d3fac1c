using System.Text.Json;
using Telemetry.Simulation.Ascent.Internal;
using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>The shipped ascent scenarios, and the reader for ascent scenario files.</summary>
public static class AscentScenarioCatalog
{
    /// <summary>The <c>kind</c> of every ascent scenario file.</summary>
    public const string Kind = "ascent";

    private static readonly ScenarioFormat<AscentScenario> Format = new(
        ["kairos-nominal", "kairos-f1", "kairos-f1-underperformance", "kairos-f2", "kairos-f3", "kairos-f3-wobble", "kairos-f3-continue"],
        AscentValidator.Validate);

    /// <summary>Names of the shipped ascent scenarios.</summary>
    public static IReadOnlyList<string> Names => Format.Names;

    /// <summary>True when the name is a shipped ascent scenario, or the file at that path says <c>"kind": "ascent"</c>.</summary>
    public static bool IsAscent(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Names.Contains(nameOrPath))
        {
            return true;
        }

        if (!File.Exists(nameOrPath))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(nameOrPath), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
            });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                && kind.GetString() == Kind;
        }
        catch (JsonException)
        {
            // Not JSON at all: the descent reader reports that with its position.
            return false;
        }
    }

    /// <summary>Loads a shipped ascent scenario by name, or else reads the file at that path; errors name the JSON path.</summary>
    public static AscentScenario Load(string nameOrPath) => Format.Load(nameOrPath);

    /// <summary>Parses ascent JSON (camelCase; comments and trailing commas allowed; unknown properties rejected) and validates every value.</summary>
    public static AscentScenario Parse(string json, string sourceName) => Format.Parse(json, sourceName);

    /// <summary>Writes a scenario as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    public static string ToJson(AscentScenario scenario) => Format.ToJson(scenario);
}
