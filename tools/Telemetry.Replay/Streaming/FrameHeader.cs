using Google.Protobuf.Collections;
using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// What every replay frame shares: source <c>replay/&lt;scenario&gt;</c>, timestamps from a fixed epoch plus simulation
/// time, the low-cardinality <c>scenario</c> and <c>phase</c> tags, and the seed as a field (never a tag).
/// </summary>
internal sealed class FrameHeader
{
    private readonly string _measurement;
    private readonly string _scenario;
    private readonly long _epochNs;
    private readonly int _seed;

    public FrameHeader(string measurement, string scenarioName, int seed, DateTimeOffset epoch)
    {
        _measurement = measurement;
        _scenario = scenarioName;
        _seed = seed;
        _epochNs = ToUnixNanoseconds(epoch);
        Source = "replay/" + scenarioName;
    }

    public string Source { get; }

    public static long ToUnixNanoseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * TimeSpan.NanosecondsPerTick;

    /// <summary>Timestamp of a sample: the epoch plus the simulation time, rounded to the nanosecond.</summary>
    public long TimestampNs(double timeS) => _epochNs + (long)Math.Round(timeS * 1e9);

    /// <summary>A frame with source, sequence, timestamp, measurement, tags, <c>sim_time_s</c>; the caller adds its fields and then <see cref="End"/>.</summary>
    public Frame Start(double timeS, ulong sequence, string phase)
    {
        var frame = new Frame { Source = Source, Sequence = sequence, TimestampNs = TimestampNs(timeS), Measurement = _measurement };
        frame.Tags.Add(new Tag { Key = "phase", Value = phase });
        frame.Tags.Add(new Tag { Key = "scenario", Value = _scenario });
        AddDouble(frame.Fields, "sim_time_s", timeS);
        return frame;
    }

    /// <summary>The phase again as a string field (a field named like a tag would make InfluxQL ambiguous), and the seed.</summary>
    public Frame End(Frame frame, string phase)
    {
        frame.Fields.Add(new Field { Key = "guidance_phase", StringValue = phase });
        frame.Fields.Add(new Field { Key = "seed", IntValue = _seed });
        return frame;
    }

    // InfluxDB cannot store NaN or infinities and the server rejects the whole frame for one, so such a value is left out.
    public static void AddDouble(RepeatedField<Field> fields, string key, double value)
    {
        if (double.IsFinite(value))
        {
            fields.Add(new Field { Key = key, DoubleValue = value });
        }
    }
}
