using System.Globalization;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Analysis;

/// <summary>
/// Two settings swept together: one trade-off campaign per value of the second setting, so every pair of values is
/// flown over the same dispersed vehicles; the pairs on the false-termination / missed-termination frontier are those
/// no other pair beats on both.
/// </summary>
internal static class AscentGrid
{
    /// <summary>Parses <c>&lt;setting&gt;=&lt;from&gt;:&lt;to&gt;:&lt;step&gt;</c>.</summary>
    public static TradeOffRequest Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var range = eq > 0 ? text[(eq + 1)..].Split(':') : [];
        if (range.Length != 3 || !range.All(r => double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new UsageException($"--grid: '{text}' is not <setting>=<from>:<to>:<step>.");
        }

        var v = range.Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        return new TradeOffRequest(AftsSetting.Parse(text[..eq]), SweepRange.Values(v[0], v[1], v[2]));
    }

    public static IReadOnlyList<GridPoint> Run(
        IReadOnlyList<AscentScenario> scenarios, TradeOffRequest first, TradeOffRequest second, int runs, int seed, IProgress<int>? progress,
        CancellationToken ct)
    {
        var points = new List<GridPoint>();
        var done = 0;
        foreach (var value in second.Values)
        {
            var at = done;
            var row = AscentTradeOff.Run([.. scenarios.Select(s => second.Setting.Apply(s, value))], first.Setting, first.Values, runs, seed,
                progress is null ? null : new Output.Terminal.InlineProgress<int>(n => progress.Report(at + n)), ct);
            done += runs * scenarios.Count * first.Values.Count;
            points.AddRange(row.Select(p => new GridPoint(p.Value, value, p.Summary, false)));
        }

        return [.. points.Select(p => p with { OnFrontier = OnFrontier(p, points) })];
    }

    // Both rates defined, and no other pair with both rates defined is at least as good on both and better on one.
    private static bool OnFrontier(GridPoint p, IReadOnlyList<GridPoint> all)
    {
        if (!p.Defined)
        {
            return false;
        }

        var (f, m) = (p.Summary.FalseTermination.Value, p.Summary.MissedTermination.Value);
        return !all.Any(q => q.Defined && q.Summary.FalseTermination.Value <= f && q.Summary.MissedTermination.Value <= m
            && (q.Summary.FalseTermination.Value < f || q.Summary.MissedTermination.Value < m));
    }
}

/// <summary>One pair of values, its campaign, and whether it lies on the frontier.</summary>
internal sealed record GridPoint(double First, double Second, Simulation.Ascent.AscentCampaignSummary Summary, bool OnFrontier)
{
    /// <summary>Both rates have runs to count.</summary>
    public bool Defined => Summary.FalseTermination.Total > 0 && Summary.MissedTermination.Total > 0;
}
