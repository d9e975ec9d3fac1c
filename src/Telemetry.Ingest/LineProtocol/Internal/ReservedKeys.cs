namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Keys a frame may not use (case-sensitive, as in InfluxDB).</summary>
internal static class ReservedKeys
{
    /// <summary>The tag the server adds from <c>Frame.Source</c>.</summary>
    public const string Source = "source";

    /// <summary>Whether InfluxDB reserves <paramref name="key"/> as a tag or field key.</summary>
    public static bool IsInfluxReserved(string key) => key.Length switch
    {
        // By length first: this runs for every key of every frame.
        4 => key == "time",
        6 => key == "_field",
        12 => key == "_measurement",
        _ => false,
    };

    /// <summary>Whether a frame may not use <paramref name="key"/> as a tag key: InfluxDB's keys and <c>source</c>.</summary>
    public static bool IsReservedTagKey(string key) => IsInfluxReserved(key) || (key.Length == 6 && key == Source);
}
