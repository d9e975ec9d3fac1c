using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Telemetry.Simulation.Core.Internal;

/// <summary>
/// The one catalog shape under both vehicles: a vehicle's shipped scenario names, its scenario record and its
/// validator; loads a shipped scenario by name or else a file by path, parses and validates, writes back as JSON.
/// </summary>
internal sealed class ScenarioFormat<T>(IReadOnlyList<string> names, Action<T, string> validate)
    where T : class
{
    private readonly JsonTypeInfo<T> _info = (JsonTypeInfo<T>)ScenarioJson.Options.GetTypeInfo(typeof(T));

    public IReadOnlyList<string> Names => names;

    public T Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (ScenarioReader.Shipped(nameOrPath, names) is { } shipped)
        {
            return Parse(shipped, nameOrPath);
        }

        if (!File.Exists(nameOrPath))
        {
            throw ScenarioReader.Unknown(nameOrPath);
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    public T Parse(string json, string sourceName) => ScenarioReader.Parse(json, sourceName, _info, validate);

    public string ToJson(T scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, _info);
    }
}
