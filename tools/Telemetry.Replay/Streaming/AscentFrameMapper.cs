using System.Globalization;
using Telemetry.Contracts.V1;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// Maps ascent samples to frames: measurement <c>ascent</c>, the same source, tags and timestamps as the descent, the
/// <c>phase</c> tag <c>stage_1</c>..<c>stage_n</c>, and one typed field per sampled quantity.
/// </summary>
internal sealed class AscentFrameMapper(string scenarioName, int seed, DateTimeOffset epoch) : IFrameMapper<AscentSample>
{
    public const string Measurement = "ascent";

    private readonly FrameHeader _header = new(Measurement, scenarioName, seed, epoch);

    public string Source => _header.Source;

    public double TimeS(in AscentSample sample) => sample.TimeS;

    public Frame Map(in AscentSample s, ulong sequence)
    {
        var phase = "stage_" + s.Stage.ToString(CultureInfo.InvariantCulture);
        var frame = _header.Start(s.TimeS, sequence, phase);
        var f = frame.Fields;
        FrameHeader.AddDouble(f, "altitude_m", s.AltitudeM);
        FrameHeader.AddDouble(f, "downrange_m", s.DownrangeM);
        FrameHeader.AddDouble(f, "speed_mps", s.SpeedMps);
        FrameHeader.AddDouble(f, "vertical_speed_mps", s.VerticalSpeedMps);
        FrameHeader.AddDouble(f, "mach", s.Mach);
        FrameHeader.AddDouble(f, "dynamic_pressure_pa", s.DynamicPressurePa);
        FrameHeader.AddDouble(f, "pitch_deg", s.PitchDeg);
        FrameHeader.AddDouble(f, "command_deg", s.CommandDeg);
        FrameHeader.AddDouble(f, "rate_deg_per_s", s.RateDegPerS);
        FrameHeader.AddDouble(f, "nozzle_deg", s.NozzleDeg);
        FrameHeader.AddDouble(f, "thrust_n", s.ThrustN);
        FrameHeader.AddDouble(f, "mass_kg", s.MassKg);
        f.Add(new Field { Key = "nav_valid", BoolValue = s.NavValid });
        FrameHeader.AddDouble(f, "nav_attitude_error_deg", s.NavAttitudeErrorDeg);
        FrameHeader.AddDouble(f, "nav_rate_deg_per_s", s.NavRateDegPerS);
        FrameHeader.AddDouble(f, "sensed_acceleration_mps2", s.SensedAccelerationMps2);
        FrameHeader.AddDouble(f, "performance_ratio", s.PerformanceRatio);
        FrameHeader.AddDouble(f, "iip_east_km", s.IipEastKm);
        FrameHeader.AddDouble(f, "iip_north_km", s.IipNorthKm);
        FrameHeader.AddDouble(f, "limit_line_km", s.LimitLineKm);
        FrameHeader.AddDouble(f, "zone_depth_km", s.ZoneDepthKm);
        FrameHeader.AddDouble(f, "crossrange_m", s.CrossrangeM);
        FrameHeader.AddDouble(f, "latitude_deg", s.LatitudeDeg);
        FrameHeader.AddDouble(f, "longitude_deg", s.LongitudeDeg);
        FrameHeader.AddDouble(f, "ground_speed_mps", s.GroundSpeedMps);
        FrameHeader.AddDouble(f, "yaw_deg", s.YawDeg);
        FrameHeader.AddDouble(f, "yaw_command_deg", s.YawCommandDeg);
        FrameHeader.AddDouble(f, "yaw_rate_deg_per_s", s.YawRateDegPerS);
        FrameHeader.AddDouble(f, "nozzle_yaw_deg", s.NozzleYawDeg);

        // The termination channels as a ground station sees them: each channel's state (0 go, 1 calls for
        // termination, 2 declared itself faulty) and the redundancy vote.
        f.Add(new Field { Key = "channel_a", IntValue = s.ChannelA });
        f.Add(new Field { Key = "channel_b", IntValue = s.ChannelB });
        f.Add(new Field { Key = "vote", BoolValue = s.Vote });
        return _header.End(frame, phase);
    }
}
