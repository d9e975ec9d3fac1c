using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Analysis;

/// <summary>Flies every point of a sweep, in parallel, and names the critical value.</summary>
internal static class SweepRunner
{
    public static SweepResult Run(
        Scenario scenario, SweepParameter parameter, IReadOnlyList<double> values, int seed, IProgress<int>? progress,
        CancellationToken ct)
    {
        var apply = parameter.Applier(scenario, seed);
        var points = new SweepPoint[values.Count];
        Parallel.For(0, values.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            // Only the outcome and the events are kept, so no trajectory is recorded.
            var result = DescentSimulator.Run(apply(values[i]), seed, recordEvery: 0);
            var firstValid = result.Events.FirstOrDefault(e => e.Kind == TimelineEventKind.LrfFirstValid);
            points[i] = new SweepPoint(values[i], result.Outcome, firstValid?.TrueAltitudeM);
            progress?.Report(1);
        });

        var verdict = SweepVerdict.Find([.. points.Select(p => (p.Value, p.Outcome.IsSafe))], parameter.HigherIsMoreSevere());
        return new SweepResult(scenario, parameter, seed, points, verdict);
    }
}

/// <summary>Every point of a sweep in the requested order, and its verdict.</summary>
internal sealed record SweepResult(
    Scenario Scenario, SweepParameter Parameter, int Seed, IReadOnlyList<SweepPoint> Points, SweepVerdict Verdict);
