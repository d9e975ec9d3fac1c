using Telemetry.Ingest.Names;
using Telemetry.Ingest.Wire;

namespace Telemetry.Server.Security.Internal;

/// <summary>The compiled scope of one authenticated client: which sources and measurements it may write.</summary>
internal sealed class ClientScope
{
    /// <summary>Longest part of a hostile name quoted back in a reason, in characters.</summary>
    private const int QuotedNameChars = 64;

    public ClientScope(string client, IReadOnlyCollection<string> sources, IReadOnlyCollection<string> measurements)
    {
        Client = client;
        Sources = new GlobSet(sources);
        Measurements = new GlobSet(measurements);
    }

    /// <summary>The scope of an anonymous caller when anonymous writing is enabled: everything.</summary>
    public static ClientScope Anonymous { get; } = new("anonymous", [], []);

    public string Client { get; }

    public GlobSet Sources { get; }

    public GlobSet Measurements { get; }

    public bool MatchesAll => Sources.MatchesAll && Measurements.MatchesAll;

    /// <summary>
    /// Why <paramref name="batch"/> may not be written by this client (its first frame out of scope), or null when
    /// every frame is in scope. Consecutive frames of one source and measurement are checked once.
    /// </summary>
    public string? FindViolation(WireBatch batch)
    {
        if (MatchesAll)
        {
            return null;
        }
        string? lastSource = null;
        string? lastMeasurement = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var source = batch.SourceOf(i);
            if (!string.Equals(source, lastSource, StringComparison.Ordinal))
            {
                if (!Sources.Matches(source))
                {
                    return $"frame {i}: source '{Quote(source)}' is outside the scope of client '{Client}' (sources: {Sources})";
                }
                lastSource = source;
            }
            var measurement = batch.MeasurementOf(i);
            if (!string.Equals(measurement, lastMeasurement, StringComparison.Ordinal))
            {
                if (!Measurements.Matches(measurement))
                {
                    return $"frame {i}: measurement '{Quote(measurement)}' is outside the scope of client '{Client}' (measurements: {Measurements})";
                }
                lastMeasurement = measurement;
            }
        }
        return null;
    }

    private static string Quote(string name) => name.Length <= QuotedNameChars ? name : name[..QuotedNameChars] + "...";
}
