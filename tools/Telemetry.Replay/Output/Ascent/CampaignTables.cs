using System.Globalization;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>Tables of an ascent campaign: the two probabilities with their intervals, and how each scenario's runs were judged.</summary>
internal static class CampaignTables
{
    // Two decimals: with thousands of runs the interval of a rare event lies well below a tenth of a percent.
    public static string Probability(Proportion p, string among) => p.Total == 0
        ? $"- (no {among} runs)"
        : $"{Number.Percent(p.Value, 2)} ({p.Count} of {p.Total} {among} runs; 95 % Wilson {Number.Percent(p.WilsonLower, 2)} .. {Number.Percent(p.WilsonUpper, 2)})";

    public static string Verdict(AscentCampaignSummary s) =>
        $"False termination {Probability(s.FalseTermination, "healthy")}; missed termination {Probability(s.MissedTermination, "dangerous")}.";

    public static TableData Summary(AscentCampaignSummary s)
    {
        var rows = new List<TableRow>
        {
            new(["scenarios", string.Join(", ", s.Scenarios)]),
            new(["runs per scenario (seeds)", $"{s.RunsPerScenario} ({s.Seed}..{s.Seed + s.RunsPerScenario - 1})"]),
            new(["false termination of a healthy vehicle", Probability(s.FalseTermination, "healthy")], s.FalseTermination.Count == 0),
            new(["missed termination of a dangerous vehicle", Probability(s.MissedTermination, "dangerous")], s.MissedTermination.Count == 0),
        };
        foreach (var judgement in Enum.GetValues<AftsJudgement>())
        {
            rows.Add(new TableRow([SnakeCase.Of(judgement), s.CountOf(judgement).ToString(CultureInfo.InvariantCulture)]));
        }

        return new TableData("Termination system over the campaign", ["quantity", "value"], rows);
    }

    public static TableData ByScenario(AscentCampaignSummary s) => new(
        "Runs by scenario, judgement and terminating rule",
        ["scenario", "judgement", "rule", "runs"],
        [.. s.Runs.GroupBy(r => (r.Scenario, r.Outcome.Judgement, Rule: r.Outcome.Termination?.Rule))
            .OrderBy(g => g.Key.Scenario).ThenBy(g => g.Key.Judgement).ThenBy(g => g.Key.Rule)
            .Select(g => new TableRow(
                [s.Scenarios[g.Key.Scenario], SnakeCase.Of(g.Key.Judgement), g.Key.Rule is { } r ? AftsRules.Name(r) : "-",
                 g.Count().ToString(CultureInfo.InvariantCulture)],
                AscentSweepResult.IsRight(g.First().Outcome)))]);

    public static TableData TradeOff(AftsSetting setting, IReadOnlyList<TradeOffPoint> points) => new(
        $"Trade-off against {setting.Label}",
        [setting.Label, "false termination", "missed termination"],
        [.. points.Select(p => new TableRow(
            [setting.Format(p.Value), Probability(p.Summary.FalseTermination, "healthy"), Probability(p.Summary.MissedTermination, "dangerous")]))]);

    /// <summary>The population's per-flight rates, weighted by the members' prior probabilities.</summary>
    public static TableData Weighted(AscentCampaignSummary s, IReadOnlyList<double> weights)
    {
        var w = s.Weighted(weights);
        string Rate(double value) => double.IsNaN(value) ? "- (none in the population)" : Number.Percent(value, 3);
        var total = weights.Sum();
        return new TableData(
            "Failure population, weighted by prior probability",
            ["quantity", "value"],
            [
                new(["members (prior weight)", string.Join(", ", s.Scenarios.Select((n, i) => $"{n} ({Number.Percent(weights[i] / total, 2)})"))]),
                new(["false termination per flight", Rate(w.FalseTerminationPerFlight)]),
                new(["missed termination per flight", Rate(w.MissedTerminationPerFlight)]),
                new(["termination per flight", Rate(w.TerminationPerFlight)]),
                new(["false termination of a healthy flight", Rate(w.FalseTerminationOfHealthy)]),
                new(["missed termination of a dangerous flight", Rate(w.MissedTerminationOfDangerous)]),
            ]);
    }
}
