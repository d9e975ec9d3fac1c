using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Output.Csv;

/// <summary>One row per recorded trajectory sample; column names carry their SI units.</summary>
internal static class TrajectoryCsv
{
    public static readonly string[] Columns =
    [
        "time_s", "true_altitude_m", "estimated_altitude_m", "descent_rate_mps", "horizontal_speed_mps", "downrange_m",
        "thrust_n", "throttle", "pitch_deg", "mass_kg", "propellant_kg", "lrf_valid", "lrf_range_m", "lrf_latched_failed",
        "phase",
    ];

    public static void Write(string path, IReadOnlyList<TrajectorySample> samples)
    {
        using var file = CsvWriter.OpenFile(path);
        Write(new CsvWriter(file), samples);
    }

    public static void Write(CsvWriter csv, IReadOnlyList<TrajectorySample> samples)
    {
        csv.Header(Columns);
        foreach (var s in samples)
        {
            csv.Cell(s.TimeS).Cell(s.TrueAltitudeM).Cell(s.EstimatedAltitudeM).Cell(s.DescentRateMps)
                .Cell(s.HorizontalSpeedMps).Cell(s.DownrangeM).Cell(s.ThrustN).Cell(s.Throttle).Cell(s.PitchDeg)
                .Cell(s.MassKg).Cell(s.PropellantKg).Cell(s.LrfValid).Cell(s.LrfRangeM).Cell(s.LrfLatchedFailed)
                .Cell(SnakeCase.Of(s.Phase)).EndRow();
        }
    }
}
