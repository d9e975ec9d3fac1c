using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telemetry.Guidance.Internal;

namespace Telemetry.Guidance.Ascent;

/// <summary>The shipped ascent scenarios, and the reader for ascent scenario files.</summary>
public static class AscentScenarioCatalog
{
    /// <summary>The <c>kind</c> of every ascent scenario file.</summary>
    public const string Kind = "ascent";

    private static readonly JsonTypeInfo<AscentScenario> Info =
        (JsonTypeInfo<AscentScenario>)ScenarioJson.Options.GetTypeInfo(typeof(AscentScenario));

    /// <summary>Names of the shipped ascent scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["kairos-nominal", "kairos-f1-expectation", "kairos-f1-underperformance", "kairos-f2", "kairos-f3"];

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
    public static AscentScenario Load(string nameOrPath)
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

    /// <summary>Parses ascent JSON (camelCase; comments and trailing commas allowed; unknown properties rejected) and validates every value.</summary>
    public static AscentScenario Parse(string json, string sourceName) =>
        ScenarioReader.Parse(json, sourceName, Info, Internal.AscentValidator.Validate);

    /// <summary>Writes a scenario as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    public static string ToJson(AscentScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, Info);
    }
}
