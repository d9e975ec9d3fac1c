using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Replay.Analysis;

/// <summary>
/// The false-alarm against missed-hazard trade-off: one Monte Carlo campaign over the same scenarios per value of a
/// termination setting, each scored against the truth.
/// </summary>
internal static class AscentTradeOff
{
    public static IReadOnlyList<TradeOffPoint> Run(
        IReadOnlyList<AscentScenario> scenarios, AftsSetting setting, IReadOnlyList<double> values, int runs, int seed,
        IProgress<int>? progress, CancellationToken ct)
    {
        var points = new List<TradeOffPoint>(values.Count);
        var done = 0;
        foreach (var value in values)
        {
            var at = done;
            var summary = AscentMonteCarlo.Run([.. scenarios.Select(s => setting.Apply(s, value))], runs, seed,
                progress is null ? null : new Output.Terminal.InlineProgress<int>(n => progress.Report(at + n)), ct);
            done += runs * scenarios.Count;
            points.Add(new TradeOffPoint(value, summary));
        }

        return points;
    }
}

/// <summary>One value of the swept setting and its campaign.</summary>
internal sealed record TradeOffPoint(double Value, AscentCampaignSummary Summary);
