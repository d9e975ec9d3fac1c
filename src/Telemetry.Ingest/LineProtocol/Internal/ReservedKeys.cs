namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Keys a frame may not use.</summary>
internal static class ReservedKeys
{
    /// <summary>The tag the server adds from <c>Frame.Source</c>.</summary>
    public const string Source = "source";

    /// <summary>Whether InfluxDB reserves <paramref name="key"/> as a tag or field key (case-sensitive, as in InfluxDB).</summary>
    public static bool IsInfluxReserved(string key) => key is "time" or "_field" or "_measurement";
}
