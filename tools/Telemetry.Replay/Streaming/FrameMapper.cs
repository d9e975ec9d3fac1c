using Telemetry.Contracts.V1;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Output;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// Maps trajectory samples to <c>telemetry.v1</c> frames: measurement <c>descent</c>, source <c>replay/&lt;scenario&gt;</c>,
/// tags <c>scenario</c> and <c>phase</c> (both low-cardinality), one typed field per sampled quantity.
/// </summary>
internal sealed class FrameMapper : IFrameMapper<TrajectorySample>
{
    public const string Measurement = "descent";

    private readonly FrameHeader _header;

    /// <param name="scenarioName">Scenario name; becomes the <c>scenario</c> tag and part of the source.</param>
    /// <param name="seed">Simulation seed, sent as the integer field <c>seed</c> (never a tag: unbounded values).</param>
    /// <param name="epoch">Wall-clock time of simulation time zero.</param>
    public FrameMapper(string scenarioName, int seed, DateTimeOffset epoch) => _header = new FrameHeader(Measurement, scenarioName, seed, epoch);

    /// <summary>The frame source, <c>replay/&lt;scenario&gt;</c>; sequence numbers are counted against it.</summary>
    public string Source => _header.Source;

    public static long ToUnixNanoseconds(DateTimeOffset time) => FrameHeader.ToUnixNanoseconds(time);

    /// <summary>Timestamp of a sample: the epoch plus the simulation time, rounded to the nanosecond.</summary>
    public long TimestampNs(double timeS) => _header.TimestampNs(timeS);

    public double TimeS(in TrajectorySample sample) => sample.TimeS;

    public Frame Map(in TrajectorySample sample, ulong sequence)
    {
        var phase = SnakeCase.Of(sample.Phase);
        var frame = _header.Start(sample.TimeS, sequence, phase);
        var fields = frame.Fields;
        FrameHeader.AddDouble(fields, "true_altitude_m", sample.TrueAltitudeM);
        FrameHeader.AddDouble(fields, "estimated_altitude_m", sample.EstimatedAltitudeM);
        FrameHeader.AddDouble(fields, "descent_rate_mps", sample.DescentRateMps);
        FrameHeader.AddDouble(fields, "horizontal_speed_mps", sample.HorizontalSpeedMps);
        FrameHeader.AddDouble(fields, "downrange_m", sample.DownrangeM);
        FrameHeader.AddDouble(fields, "thrust_n", sample.ThrustN);
        FrameHeader.AddDouble(fields, "throttle", sample.Throttle);
        FrameHeader.AddDouble(fields, "pitch_deg", sample.PitchDeg);
        FrameHeader.AddDouble(fields, "mass_kg", sample.MassKg);
        FrameHeader.AddDouble(fields, "propellant_kg", sample.PropellantKg);
        fields.Add(new Field { Key = "lrf_valid", BoolValue = sample.LrfValid });
        if (sample.LrfRangeM is { } range)
        {
            FrameHeader.AddDouble(fields, "lrf_range_m", range);
        }

        fields.Add(new Field { Key = "lrf_latched_failed", BoolValue = sample.LrfLatchedFailed });
        return _header.End(frame, phase);
    }
}
