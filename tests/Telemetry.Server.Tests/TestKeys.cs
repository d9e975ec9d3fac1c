using Grpc.Core;
using Telemetry.Server.Security;

namespace Telemetry.Server.Tests;

/// <summary>API keys made the way an operator makes them (keygen's hash), as server settings and call metadata.</summary>
internal static class TestKeys
{
    /// <summary>A new key for <paramref name="client"/>, and the settings that admit it with these scopes.</summary>
    public static (string Key, Dictionary<string, string?> Settings) Create(
        string client, string[]? sources = null, string[]? measurements = null, DateTimeOffset? expiresUtc = null)
    {
        var (key, hash) = ApiKeyHash.Generate();
        var prefix = $"Security:ApiKeys:{client}";
        var settings = new Dictionary<string, string?> { [$"{prefix}:Hash"] = hash };
        for (var i = 0; i < (sources ?? []).Length; i++)
        {
            settings[$"{prefix}:Sources:{i}"] = sources![i];
        }
        for (var i = 0; i < (measurements ?? []).Length; i++)
        {
            settings[$"{prefix}:Measurements:{i}"] = measurements![i];
        }
        if (expiresUtc is { } expires)
        {
            settings[$"{prefix}:ExpiresUtc"] = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        return (key, settings);
    }

    /// <summary>Call metadata presenting <paramref name="key"/>.</summary>
    public static Metadata Bearer(string key) => new() { { "authorization", $"Bearer {key}" } };

    /// <summary>Merges setting dictionaries; later ones win.</summary>
    public static Dictionary<string, string?> Merge(params IReadOnlyDictionary<string, string?>[] parts)
    {
        var merged = new Dictionary<string, string?>();
        foreach (var part in parts)
        {
            foreach (var (k, v) in part)
            {
                merged[k] = v;
            }
        }
        return merged;
    }
}
