using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Telemetry.Simulation.Core.Internal;

/// <summary>Reads scenario JSON of either vehicle: shipped resources or files, parse errors with their path, validation.</summary>
internal static class ScenarioReader
{
    public const string ResourcePrefix = "Telemetry.Simulation.Scenarios.";

    /// <summary>The text of a shipped scenario, or null when <paramref name="name"/> is not one.</summary>
    public static string? Shipped(string name, IReadOnlyList<string> names)
    {
        if (!names.Contains(name))
        {
            return null;
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ScenarioException($"Shipped scenario '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The error for a name that is no shipped scenario of either replay and no file: it lists them all.</summary>
    public static ScenarioException Unknown(string nameOrPath) =>
        new($"'{nameOrPath}' is neither a shipped scenario ({ShippedScenarios.Describe()}) nor an existing file.");

    public static T Parse<T>(string json, string sourceName, JsonTypeInfo<T> info, Action<T, string> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        T? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize(json, info);
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

        validate(scenario, sourceName);
        return scenario;
    }

    // System.Text.Json appends its own path and position to messages; keep the first sentence and report ours.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
