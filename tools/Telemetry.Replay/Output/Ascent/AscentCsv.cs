using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Csv;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>One row per recorded ascent sample: truth, then what channel A saw, both channels' states and the vote; units in the names.</summary>
internal static class AscentCsv
{
    public static readonly string[] Columns =
    [
        "time_s", "altitude_m", "downrange_m", "crossrange_m", "latitude_deg", "longitude_deg", "speed_mps", "ground_speed_mps",
        "vertical_speed_mps", "mach", "dynamic_pressure_pa", "pitch_deg", "command_deg", "rate_deg_per_s", "yaw_deg",
        "yaw_command_deg", "yaw_rate_deg_per_s", "nozzle_deg", "nozzle_yaw_deg", "thrust_n", "mass_kg", "stage", "nav_valid",
        "nav_attitude_error_deg", "nav_rate_deg_per_s", "sensed_acceleration_mps2", "performance_ratio", "iip_east_km",
        "iip_north_km", "limit_line_km", "zone_depth_km", "channel_a", "channel_b", "vote",
    ];

    public static void Write(string path, IReadOnlyList<AscentSample> samples)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(Columns);
        foreach (var s in samples)
        {
            csv.Cell(s.TimeS).Cell(s.AltitudeM).Cell(s.DownrangeM).Cell(s.CrossrangeM).Cell(s.LatitudeDeg).Cell(s.LongitudeDeg)
                .Cell(s.SpeedMps).Cell(s.GroundSpeedMps).Cell(s.VerticalSpeedMps).Cell(s.Mach).Cell(s.DynamicPressurePa).Cell(s.PitchDeg)
                .Cell(s.CommandDeg).Cell(s.RateDegPerS).Cell(s.YawDeg).Cell(s.YawCommandDeg).Cell(s.YawRateDegPerS).Cell(s.NozzleDeg)
                .Cell(s.NozzleYawDeg).Cell(s.ThrustN).Cell(s.MassKg).Cell(s.Stage).Cell(s.NavValid).Cell(s.NavAttitudeErrorDeg)
                .Cell(s.NavRateDegPerS).Cell(s.SensedAccelerationMps2).Cell(Defined(s.PerformanceRatio)).Cell(Defined(s.IipEastKm))
                .Cell(Defined(s.IipNorthKm)).Cell(Defined(s.LimitLineKm)).Cell(Defined(s.ZoneDepthKm)).Cell(s.ChannelA).Cell(s.ChannelB)
                .Cell(s.Vote).EndRow();
        }
    }

    // Not judged (NaN) is an empty cell, as every missing value in this tool's files.
    private static double? Defined(double value) => double.IsNaN(value) ? null : value;
}
