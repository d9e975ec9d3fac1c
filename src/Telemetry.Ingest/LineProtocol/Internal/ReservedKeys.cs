namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Keys a frame may not use (case-sensitive, as in InfluxDB), as UTF-8.</summary>
internal static class ReservedKeys
{
    /// <summary>The tag the server adds from <c>Frame.Source</c>.</summary>
    public static ReadOnlySpan<byte> Source => "source"u8;

    /// <summary>Whether InfluxDB reserves <paramref name="key"/> as a tag or field key.</summary>
    public static bool IsInfluxReserved(ReadOnlySpan<byte> key) => key.Length switch
    {
        // By length first: this runs for every key of every frame.
        4 => key.SequenceEqual("time"u8),
        6 => key.SequenceEqual("_field"u8),
        12 => key.SequenceEqual("_measurement"u8),
        _ => false,
    };

    /// <summary>Whether a frame may not use <paramref name="key"/> as a tag key: InfluxDB's keys and <c>source</c>.</summary>
    public static bool IsReservedTagKey(ReadOnlySpan<byte> key) => IsInfluxReserved(key) || key.SequenceEqual(Source);
}
