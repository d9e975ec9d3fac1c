using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Csv;

/// <summary>One row per Monte Carlo run; run i was flown with seed + i.</summary>
internal static class MonteCarloCsv
{
    public static void Write(string path, MonteCarloCampaign campaign)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(
            "run", "seed", "outcome", "cause", "safe", "time_s", "vertical_speed_mps", "horizontal_speed_mps", "propellant_remaining_kg",
            "propellant_exhausted", "propellant_out_altitude_m", "downrange_m");
        var outcomes = campaign.Summary.Outcomes;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            csv.Cell(i).Cell(campaign.Seed + i).Cell(SnakeCase.Of(o.Kind)).Cell(SnakeCase.Of(o.Cause)).Cell(o.IsSafe).Cell(o.TimeS).Cell(o.VerticalSpeedMps)
                .Cell(o.HorizontalSpeedMps).Cell(o.PropellantRemainingKg).Cell(o.PropellantExhausted).Cell(o.PropellantOutAltitudeM)
                .Cell(o.DownrangeM).EndRow();
        }
    }
}
