using Telemetry.Contracts.V1;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Tests.Streaming;

public sealed class FrameMapperTests
{
    private static readonly DateTimeOffset Epoch = new(2025, 6, 5, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_SampleWithLrfRange_EveryFieldWithItsTypeAndValue()
    {
        var mapper = new FrameMapper("resilience-m2", seed: 7, Epoch);

        var frame = mapper.Map(SyntheticRuns.Second, sequence: 42);

        Assert.Equal("replay/resilience-m2", frame.Source);
        Assert.Equal("descent", frame.Measurement);
        Assert.Equal(42UL, frame.Sequence);
        Assert.Equal(1_749_146_400_000_000_000L + 100_000_000L, frame.TimestampNs);
        Assert.Equal(
            [("phase", "landing_burn"), ("scenario", "resilience-m2")],
            frame.Tags.Select(t => (t.Key, t.Value)));
        var fields = frame.Fields.ToDictionary(f => f.Key);
        Assert.Equal(
            [
                "sim_time_s", "true_altitude_m", "estimated_altitude_m", "descent_rate_mps", "horizontal_speed_mps", "downrange_m",
                "thrust_n", "throttle", "pitch_deg", "mass_kg", "propellant_kg", "lrf_valid", "lrf_range_m", "lrf_latched_failed",
                "guidance_phase", "seed",
            ],
            frame.Fields.Select(f => f.Key));
        AssertDouble(0.1, fields["sim_time_s"]);
        AssertDouble(1995.5, fields["true_altitude_m"]);
        AssertDouble(1996.125, fields["estimated_altitude_m"]);
        AssertDouble(45, fields["descent_rate_mps"]);
        AssertDouble(3.25, fields["horizontal_speed_mps"]);
        AssertDouble(120.5, fields["downrange_m"]);
        AssertDouble(5000, fields["thrust_n"]);
        AssertDouble(1, fields["throttle"]);
        AssertDouble(0, fields["pitch_deg"]);
        AssertDouble(699.5, fields["mass_kg"]);
        AssertDouble(359.5, fields["propellant_kg"]);
        AssertDouble(1995.75, fields["lrf_range_m"]);
        Assert.Equal(Field.ValueOneofCase.BoolValue, fields["lrf_valid"].ValueCase);
        Assert.True(fields["lrf_valid"].BoolValue);
        Assert.Equal(Field.ValueOneofCase.BoolValue, fields["lrf_latched_failed"].ValueCase);
        Assert.False(fields["lrf_latched_failed"].BoolValue);
        Assert.Equal(Field.ValueOneofCase.StringValue, fields["guidance_phase"].ValueCase);
        Assert.Equal("landing_burn", fields["guidance_phase"].StringValue);
        Assert.Equal(Field.ValueOneofCase.IntValue, fields["seed"].ValueCase);
        Assert.Equal(7, fields["seed"].IntValue);
    }

    [Fact]
    public void Map_SampleWithoutLrfRange_RangeFieldLeftOut()
    {
        var frame = new FrameMapper("nominal", 0, Epoch).Map(SyntheticRuns.First, 1);

        Assert.DoesNotContain(frame.Fields, f => f.Key == "lrf_range_m");
        Assert.Equal(1_749_146_400_000_000_000L, frame.TimestampNs);
        Assert.Equal("vertical_hold", frame.Tags.Single(t => t.Key == "phase").Value);
    }

    [Fact]
    public void Map_NonFiniteValue_FieldLeftOutSoTheFrameIsNotRejected()
    {
        var sample = SyntheticRuns.First with { EstimatedAltitudeM = double.NaN, ThrustN = double.PositiveInfinity };

        var frame = new FrameMapper("nominal", 0, Epoch).Map(sample, 1);

        Assert.DoesNotContain(frame.Fields, f => f.Key is "estimated_altitude_m" or "thrust_n");
        Assert.All(frame.Fields.Where(f => f.ValueCase == Field.ValueOneofCase.DoubleValue), f => Assert.True(double.IsFinite(f.DoubleValue)));
    }

    [Fact]
    public void TimestampNs_SimulationTimes_EpochPlusRoundedNanoseconds()
    {
        var mapper = new FrameMapper("nominal", 0, Epoch);

        Assert.Equal(1_749_146_400_000_000_000L + 123_456_789_000L, mapper.TimestampNs(123.456789));
        Assert.Equal(1_749_146_400_000_000_000L + 10_000_000L, mapper.TimestampNs(0.01));
    }

    private static void AssertDouble(double expected, Field field)
    {
        Assert.Equal(Field.ValueOneofCase.DoubleValue, field.ValueCase);
        Assert.Equal(expected, field.DoubleValue);
    }
}
