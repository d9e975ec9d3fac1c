using Telemetry.Contracts.V1;

namespace Telemetry.Benchmarks.Peer;

/// <summary>
/// The points every peer comparison writes, the load generator's: measurement <c>loadgen</c>, tags
/// <c>vehicle</c> and <c>subsystem</c> plus <c>source</c>, 8 full-precision double fields, ns timestamps 1 µs apart
/// per source. Values are computed from the sequence, so no writer holds a million points in memory.
/// </summary>
internal static class PeerPoints
{
    public const string Measurement = "loadgen";

    public static readonly string[] FieldNames =
        ["altitude_m", "descent_rate_mps", "horizontal_speed_mps", "thrust_n", "throttle", "propellant_kg", "pitch_deg", "lrf_range_m"];

    /// <summary>Timestamp of the first point of every source, ns since the epoch (2026-01-01).</summary>
    public const long StartNs = 1_767_225_600_000_000_000;

    public static long TimestampNs(long sequence) => StartNs + (sequence * 1_000);

    public static double Value(long sequence, int field) => (sequence * 0.001) + field + 0.123456789012;

    /// <summary>A frame of <paramref name="source"/> to refresh in place with <see cref="Refresh"/>.</summary>
    public static Frame CreateFrame(string source)
    {
        var frame = new Frame { Source = source, Measurement = Measurement };
        frame.Tags.Add(new Tag { Key = "vehicle", Value = "loadgen" });
        frame.Tags.Add(new Tag { Key = "subsystem", Value = "gnc" });
        foreach (var name in FieldNames)
        {
            frame.Fields.Add(new Field { Key = name, DoubleValue = 0 });
        }
        return frame;
    }

    public static void Refresh(Frame frame, long sequence)
    {
        frame.Sequence = (ulong)sequence;
        frame.TimestampNs = TimestampNs(sequence);
        for (var f = 0; f < frame.Fields.Count; f++)
        {
            frame.Fields[f].DoubleValue = Value(sequence, f);
        }
    }

    /// <summary>Points of writer <paramref name="index"/> when <paramref name="total"/> are spread over <paramref name="parts"/>.</summary>
    public static long Share(long total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);
}
