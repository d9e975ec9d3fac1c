using Telemetry.Contracts.V1;
using Telemetry.Guidance;
using Telemetry.Replay.Output;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// Maps trajectory samples to <c>telemetry.v1</c> frames: measurement <c>descent</c>, source <c>replay/&lt;scenario&gt;</c>,
/// tags <c>scenario</c> and <c>phase</c> (both low-cardinality), one typed field per sampled quantity.
/// </summary>
internal sealed class FrameMapper
{
    public const string Measurement = "descent";

    private readonly string _scenario;
    private readonly long _epochNs;
    private readonly int _seed;

    /// <param name="scenarioName">Scenario name; becomes the <c>scenario</c> tag and part of the source.</param>
    /// <param name="seed">Simulation seed, sent as the integer field <c>seed</c> (never a tag: unbounded values).</param>
    /// <param name="epoch">Wall-clock time of simulation time zero.</param>
    public FrameMapper(string scenarioName, int seed, DateTimeOffset epoch)
    {
        _scenario = scenarioName;
        _seed = seed;
        _epochNs = ToUnixNanoseconds(epoch);
        Source = "replay/" + scenarioName;
    }

    /// <summary>The frame source, <c>replay/&lt;scenario&gt;</c>; sequence numbers are counted against it.</summary>
    public string Source { get; }

    public static long ToUnixNanoseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * TimeSpan.NanosecondsPerTick;

    /// <summary>Timestamp of a sample: the epoch plus the simulation time, rounded to the nanosecond.</summary>
    public long TimestampNs(double timeS) => _epochNs + (long)Math.Round(timeS * 1e9);

    public Frame Map(in TrajectorySample sample, ulong sequence)
    {
        var phase = SnakeCase.Of(sample.Phase);
        var frame = new Frame
        {
            Source = Source,
            Sequence = sequence,
            TimestampNs = TimestampNs(sample.TimeS),
            Measurement = Measurement,
        };
        frame.Tags.Add(new Tag { Key = "phase", Value = phase });
        frame.Tags.Add(new Tag { Key = "scenario", Value = _scenario });

        var fields = frame.Fields;
        AddDouble(fields, "sim_time_s", sample.TimeS);
        AddDouble(fields, "true_altitude_m", sample.TrueAltitudeM);
        AddDouble(fields, "estimated_altitude_m", sample.EstimatedAltitudeM);
        AddDouble(fields, "descent_rate_mps", sample.DescentRateMps);
        AddDouble(fields, "horizontal_speed_mps", sample.HorizontalSpeedMps);
        AddDouble(fields, "downrange_m", sample.DownrangeM);
        AddDouble(fields, "thrust_n", sample.ThrustN);
        AddDouble(fields, "throttle", sample.Throttle);
        AddDouble(fields, "pitch_deg", sample.PitchDeg);
        AddDouble(fields, "mass_kg", sample.MassKg);
        AddDouble(fields, "propellant_kg", sample.PropellantKg);
        fields.Add(new Field { Key = "lrf_valid", BoolValue = sample.LrfValid });
        if (sample.LrfRangeM is { } range)
        {
            AddDouble(fields, "lrf_range_m", range);
        }

        fields.Add(new Field { Key = "lrf_latched_failed", BoolValue = sample.LrfLatchedFailed });
        // Not "phase": a field sharing a tag's key makes InfluxQL queries ambiguous.
        fields.Add(new Field { Key = "guidance_phase", StringValue = phase });
        fields.Add(new Field { Key = "seed", IntValue = _seed });
        return frame;
    }

    // InfluxDB cannot store NaN or infinities and the server rejects the whole frame for one, so such a value is left out.
    private static void AddDouble(Google.Protobuf.Collections.RepeatedField<Field> fields, string key, double value)
    {
        if (double.IsFinite(value))
        {
            fields.Add(new Field { Key = key, DoubleValue = value });
        }
    }
}
