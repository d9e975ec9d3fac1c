using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Csv;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>
/// CSV of ascent campaigns: one row per run, one row per scenario and deciding rule, and one row per trade-off point. A
/// rate over no runs is an empty cell (this tool's NaN), never 0 with an interval of [0, 1].
/// </summary>
internal static class CampaignCsv
{
    public static void Runs(string path, AscentCampaignSummary s)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header("run", "scenario", "seed", "outcome", "judgement", "rule", "termination_time_s", "value", "limit", "violated_for_s",
            "healthy", "hazardous", "hazard_time_s", "hazard_reason", "perigee_km", "channel", "lateness_s");
        for (var i = 0; i < s.Runs.Count; i++)
        {
            var (o, d) = (s.Runs[i].Outcome, s.Runs[i].Outcome.Termination);
            csv.Cell(i).Cell(s.Scenarios[s.Runs[i].Scenario]).Cell(s.Runs[i].Seed).Cell(SnakeCase.Of(o.Kind)).Cell(SnakeCase.Of(o.Judgement))
                .Cell(d is null ? "" : AftsRules.Name(d.Rule)).Cell(d?.TimeS).Cell(d?.Value).Cell(d?.Limit).Cell(d?.ViolatedForS)
                .Cell(o.Truth.Healthy).Cell(o.Truth.Hazardous).Cell(o.Truth.HazardTimeS).Cell(o.Truth.HazardReason ?? "").Cell(o.Truth.PerigeeKm)
                .Cell(d?.Channel ?? "").Cell(Lateness(o)).EndRow();
        }
    }

    /// <summary>
    /// How late a termination came: its time minus the moment the true state became dangerous (positive: the vehicle
    /// was already dangerous for that long); empty without both.
    /// </summary>
    public static double? Lateness(AscentOutcome o) => o.Termination is { } d && o.Truth.HazardTimeS is { } h ? d.TimeS - h : null;

    /// <summary>Per scenario and deciding rule (or none): runs, false and warranted terminations, missed hazards, lateness.</summary>
    public static void Rules(string path, AscentCampaignSummary s)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header("scenario", "rule", "runs", "false_terminations", "warranted_terminations", "missed_terminations", "mission_lost",
            "correctly_flown", "mean_lateness_s", "max_lateness_s");
        foreach (var group in s.Runs.GroupBy(r => (r.Scenario, Rule: r.Outcome.Termination?.Rule)).OrderBy(g => g.Key.Scenario).ThenBy(g => g.Key.Rule ?? (AftsRule)(-1)))
        {
            var lateness = group.Select(r => Lateness(r.Outcome)).Where(l => l is not null).Select(l => l!.Value).ToList();
            int Count(AftsJudgement j) => group.Count(r => r.Outcome.Judgement == j);
            csv.Cell(s.Scenarios[group.Key.Scenario]).Cell(group.Key.Rule is { } rule ? AftsRules.Name(rule) : "").Cell(group.Count())
                .Cell(Count(AftsJudgement.FalseTermination)).Cell(Count(AftsJudgement.WarrantedTermination)).Cell(Count(AftsJudgement.MissedTermination))
                .Cell(Count(AftsJudgement.MissionLost)).Cell(Count(AftsJudgement.CorrectlyFlown))
                .Cell(lateness.Count > 0 ? lateness.Average() : null).Cell(lateness.Count > 0 ? lateness.Max() : null).EndRow();
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
            csv.Cell(p.Value).Cell(f.Total).Cell(f.Count).Cell(Rate(f, f.Value)).Cell(Rate(f, f.WilsonLower)).Cell(Rate(f, f.WilsonUpper))
                .Cell(m.Total).Cell(m.Count).Cell(Rate(m, m.Value)).Cell(Rate(m, m.WilsonLower)).Cell(Rate(m, m.WilsonUpper)).EndRow();
        }
    }

    /// <summary>The population's per-flight rates (one row; a conditional rate without its population is an empty cell).</summary>
    public static void Weighted(string path, AscentCampaignSummary s, IReadOnlyList<double> weights)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header("scenarios", "weights", "false_termination_per_flight", "missed_termination_per_flight", "termination_per_flight",
            "false_termination_of_healthy", "missed_termination_of_dangerous");
        var w = s.Weighted(weights);
        csv.Cell(string.Join(' ', s.Scenarios)).Cell(string.Join(' ', weights.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
            .Cell(w.FalseTerminationPerFlight).Cell(w.MissedTerminationPerFlight).Cell(w.TerminationPerFlight)
            .Cell(double.IsNaN(w.FalseTerminationOfHealthy) ? null : w.FalseTerminationOfHealthy)
            .Cell(double.IsNaN(w.MissedTerminationOfDangerous) ? null : w.MissedTerminationOfDangerous).EndRow();
    }

    /// <summary>One row per pair of values of a two-setting grid, with both rates and whether the pair is on the frontier.</summary>
    public static void Grid(string path, AftsSetting first, AftsSetting second, IReadOnlyList<GridPoint> points)
    {
        using var file = CsvWriter.OpenFile(path);
        var csv = new CsvWriter(file);
        csv.Header(first.Name, second.Name, "healthy_runs", "false_terminations", "false_termination_p", "dangerous_runs",
            "missed_terminations", "missed_termination_p", "frontier");
        foreach (var p in points)
        {
            var (f, m) = (p.Summary.FalseTermination, p.Summary.MissedTermination);
            csv.Cell(p.First).Cell(p.Second).Cell(f.Total).Cell(f.Count).Cell(Rate(f, f.Value)).Cell(m.Total).Cell(m.Count).Cell(Rate(m, m.Value))
                .Cell(p.OnFrontier).EndRow();
        }
    }

    // No runs: no rate.
    private static double? Rate(Proportion p, double value) => p.Total == 0 ? null : value;
}
