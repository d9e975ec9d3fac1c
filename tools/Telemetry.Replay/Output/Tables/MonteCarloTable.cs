using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Analysis;

namespace Telemetry.Replay.Output.Tables;

/// <summary>The campaign in one table: probability, interval, outcome counts, contact-speed quantiles.</summary>
internal static class MonteCarloTable
{
    public static TableData Build(MonteCarloCampaign campaign)
    {
        var s = campaign.Summary;
        var rows = new List<TableRow>
        {
            new(["runs", s.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            new(["success probability", Number.Percent(s.Probability)], s.Successes == s.Runs),
            new(["95 % confidence interval (Wilson)", $"{Number.Percent(s.WilsonLower)} .. {Number.Percent(s.WilsonUpper)}"]),
        };
        foreach (var kind in Enum.GetValues<OutcomeKind>())
        {
            var count = s.Outcomes.Count(o => o.Kind == kind);
            rows.Add(new TableRow([SnakeCase.Of(kind), count.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        foreach (var cause in Enum.GetValues<FailureCause>().Where(c => c != FailureCause.None))
        {
            var count = s.Outcomes.Count(o => o.Cause == cause);
            rows.Add(new TableRow(["failed by " + SnakeCase.Of(cause), count.ToString(System.Globalization.CultureInfo.InvariantCulture)], count == 0 ? null : false));
        }

        rows.Add(new TableRow(["contact vertical speed, median (m/s)", Number.F(campaign.ContactSpeedQuantile(0.5), 2)]));
        rows.Add(new TableRow(["contact vertical speed, 95th percentile (m/s)", Number.F(campaign.ContactSpeedQuantile(0.95), 2)]));
        rows.Add(new TableRow(["contact vertical speed, max (m/s)", Number.F(campaign.ContactSpeedQuantile(1), 2)]));
        return new TableData($"Monte Carlo: {campaign.Scenario.Name}, seeds {campaign.Seed}..{campaign.Seed + s.Runs - 1}", ["quantity", "value"], rows);
    }
}
