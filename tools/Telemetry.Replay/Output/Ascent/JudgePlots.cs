using ScottPlot;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>
/// The judge's own views of one ascent: the performance quantity in physical units against its band and persistence,
/// the impact point's distance to the limit line against time, and each channel's state with the vote.
/// </summary>
internal static class JudgePlots
{
    private const string Time = "Time since lift-off (s)";

    /// <summary>
    /// Channel A's sensed acceleration (m/s²) against the expected acceleration as set (prediction × scale) and the
    /// band's floor (× the limit), over the rule's window (up to the end of the flight as flown), with the time the
    /// violation was held shaded.
    /// </summary>
    public static PlotImage Performance(AscentResult result, string directory)
    {
        var afts = result.Scenario.Afts;
        var rule = afts.Performance;
        var expected = ExpectedProfile.For(result.Scenario);
        var samples = result.Trajectory.Where(s => s.TimeS <= Math.Min(rule.ArmedUntilS + 5, result.Trajectory[^1].TimeS + 1e-9)).ToList();
        var t = PlotFiles.Column(samples, s => s.TimeS);
        var predicted = PlotFiles.Column(samples, s => expected.TryAt(s.TimeS, out var a, out _) ? a * afts.ExpectedPerformanceScale : double.NaN);
        var plot = PlotFiles.Create(
            $"{result.Scenario.Name}: sensed acceleration against the expected band (limit {Number.F(rule.Limit, 3)}, held {Number.F(rule.PersistenceS, 2)} s)",
            Time, "Acceleration (m/s²)");
        PlotFiles.Line(plot, t, PlotFiles.Column(samples, s => s.SensedAccelerationMps2), "sensed (channel A, navigated)", Colors.Blue).LineWidth = 1;
        PlotFiles.Line(plot, t, predicted, $"expected as set (prediction × {Number.F(afts.ExpectedPerformanceScale, 3)})", Colors.Black);
        var floor = PlotFiles.Line(plot, t, [.. predicted.Select(p => p * rule.Limit)], $"band floor (× {Number.F(rule.Limit, 3)})", Colors.Red);
        floor.LinePattern = LinePattern.Dashed;
        plot.Add.VerticalLine(rule.ArmedFromS, 1, Colors.Gray, LinePattern.Dotted).LegendText = $"armed from {Number.F(rule.ArmedFromS, 1)} s";
        var start = result.Events.FirstOrDefault(e => e.Kind == AscentEventKind.RuleViolated && e.Rule == AftsRule.Performance && e.Channel == afts.Channels[0].Name);
        var verdict = result.Events.FirstOrDefault(e => e.Kind == AscentEventKind.ChannelVerdict && e.Rule == AftsRule.Performance);
        if (start is not null && verdict is not null)
        {
            var held = plot.Add.HorizontalSpan(start.TimeS, verdict.TimeS);
            held.FillStyle.Color = Colors.Red.WithAlpha(0.1);
            held.LegendText = $"below the band without a break: {Number.F(verdict.TimeS - start.TimeS, 2)} s";
        }

        return Save(plot, result, directory, "performance-band", "The performance rule's quantity against its band and persistence", Alignment.UpperLeft);
    }

    /// <summary>How far channel A's impact point lies beyond the nearest limit line (km) against time, with the true cross-range.</summary>
    public static PlotImage LimitLine(AscentResult result, string directory)
    {
        var s = result.Trajectory;
        var t = PlotFiles.Column(s, x => x.TimeS);
        var plot = PlotFiles.Create($"{result.Scenario.Name}: impact point against the limit lines", Time, "Beyond the nearest limit line (km)");
        PlotFiles.Line(plot, t, PlotFiles.Column(s, x => x.LimitLineKm), "impact point (channel A, worst debris class)", Colors.Blue);
        plot.Add.HorizontalLine(result.Scenario.Afts.LimitLine.Limit, 2, Colors.Red, LinePattern.Dashed).LegendText = "limit line";
        var cross = PlotFiles.Line(plot, t, PlotFiles.Column(s, x => x.CrossrangeM / 1000), "true cross-range, + left of the azimuth (right axis, km)", Colors.Gray);
        cross.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Cross-range (km)";
        return Save(plot, result, directory, "limit-line", "Impact point's distance to the limit lines against time");
    }

    /// <summary>Each channel's state (0 go, 1 calls for termination, 2 declared itself faulty) and the vote against time.</summary>
    public static PlotImage Channels(AscentResult result, string directory)
    {
        var s = result.Trajectory;
        var t = PlotFiles.Column(s, x => x.TimeS);
        var names = result.Scenario.Afts.Channels;
        var vote = SnakeCase.Of(result.Scenario.Afts.Redundancy.Vote) + ", on a channel fault " + SnakeCase.Of(result.Scenario.Afts.Redundancy.OnChannelFault);
        var plot = PlotFiles.Create($"{result.Scenario.Name}: termination channels and the vote ({vote})", Time, "State");
        PlotFiles.Line(plot, t, PlotFiles.Column(s, x => x.ChannelA), $"channel {names[0].Name}", Colors.Blue).LineWidth = 3;
        if (names.Count > 1)
        {
            PlotFiles.Line(plot, t, PlotFiles.Column(s, x => x.ChannelB + 0.05), $"channel {names[1].Name}", Colors.DarkOrange).LineWidth = 3;
        }

        PlotFiles.Line(plot, t, PlotFiles.Column(s, x => x.Vote ? 3 : -0.5), "vote: terminate (3) / fly (-0.5)", Colors.Red).LineWidth = 2;
        plot.Axes.Left.SetTicks([-0.5, 0, 1, 2, 3], ["vote: fly", "go", "calls for termination", "declared itself faulty", "vote: terminate"]);
        plot.Axes.SetLimitsY(-0.8, 3.3);
        return Save(plot, result, directory, "channels", "Per-channel verdicts and the vote against time");
    }

    private static PlotImage Save(Plot plot, AscentResult result, string directory, string name, string title, Alignment legend = Alignment.LowerLeft)
    {
        if (result.Outcome.Termination is { } d)
        {
            plot.Add.VerticalLine(d.TimeS, 2, Colors.Red, LinePattern.Dotted).LegendText = $"termination ({AftsRules.Name(d.Rule)}) at {Number.F(d.TimeS, 2)} s";
        }

        plot.ShowLegend(legend);
        return PlotFiles.Save(plot, directory, name, title);
    }
}
