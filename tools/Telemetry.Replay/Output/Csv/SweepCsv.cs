using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Csv;

/// <summary>One row per sweep point: the swept value (its column named for the parameter) and the outcome.</summary>
internal static class SweepCsv
{
    public static void Write(string path, SweepResult sweep)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(
            sweep.Parameter.Column(), "outcome", "cause", "safe", "time_s", "vertical_speed_mps", "horizontal_speed_mps",
            "propellant_remaining_kg", "propellant_exhausted", "lrf_first_valid_altitude_m");
        foreach (var p in sweep.Points)
        {
            var o = p.Outcome;
            csv.Cell(p.Value).Cell(SnakeCase.Of(o.Kind)).Cell(SnakeCase.Of(o.Cause)).Cell(o.IsSafe).Cell(o.TimeS).Cell(o.VerticalSpeedMps)
                .Cell(o.HorizontalSpeedMps).Cell(o.PropellantRemainingKg).Cell(o.PropellantExhausted).Cell(p.LrfFirstValidAltitudeM)
                .EndRow();
        }
    }
}
