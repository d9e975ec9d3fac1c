using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Csv;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>CSV of ascent campaigns: one row per run, and one row per trade-off point.</summary>
internal static class CampaignCsv
{
    public static void Runs(string path, AscentCampaignSummary s)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header("run", "scenario", "seed", "outcome", "judgement", "rule", "termination_time_s", "value", "limit", "violated_for_s",
            "healthy", "hazardous", "hazard_time_s", "hazard_reason", "perigee_km");
        for (var i = 0; i < s.Runs.Count; i++)
        {
            var (o, d) = (s.Runs[i].Outcome, s.Runs[i].Outcome.Termination);
            csv.Cell(i).Cell(s.Scenarios[s.Runs[i].Scenario]).Cell(s.Runs[i].Seed).Cell(SnakeCase.Of(o.Kind)).Cell(SnakeCase.Of(o.Judgement))
                .Cell(d is null ? "" : AftsRules.Name(d.Rule)).Cell(d?.TimeS).Cell(d?.Value).Cell(d?.Limit).Cell(d?.ViolatedForS)
                .Cell(o.Truth.Healthy).Cell(o.Truth.Hazardous).Cell(o.Truth.HazardTimeS).Cell(o.Truth.HazardReason ?? "").Cell(o.Truth.PerigeeKm)
                .EndRow();
        }
    }

    public static void TradeOff(string path, AftsSetting setting, IReadOnlyList<TradeOffPoint> points)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(setting.Name, "healthy_runs", "false_terminations", "false_termination_p", "false_lower", "false_upper",
            "dangerous_runs", "missed_terminations", "missed_termination_p", "missed_lower", "missed_upper");
        foreach (var p in points)
        {
            var (f, m) = (p.Summary.FalseTermination, p.Summary.MissedTermination);
            csv.Cell(p.Value).Cell(f.Total).Cell(f.Count).Cell(f.Value).Cell(f.WilsonLower).Cell(f.WilsonUpper)
                .Cell(m.Total).Cell(m.Count).Cell(m.Value).Cell(m.WilsonLower).Cell(m.WilsonUpper).EndRow();
        }
    }
}
