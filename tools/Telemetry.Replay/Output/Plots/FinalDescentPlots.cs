using ScottPlot;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Output.Plots;

/// <summary>
/// The last minutes of a descent, where landings are won or lost: altitude over time from the end of braking, and
/// descent rate against altitude with the scenario's published figures drawn in with their tolerances.
/// </summary>
internal static class FinalDescentPlots
{
    public static IReadOnlyList<PlotImage> Write(DescentResult result, string directory)
    {
        var final = FinalSamples(result);
        var name = result.Scenario.Name;
        var t = PlotFiles.Column(final, s => s.TimeS);

        var altitude = PlotFiles.Create($"{name}: final descent, true vs estimated altitude", "Simulation time (s)", "Altitude above terrain (m)");
        // LRF returns go underneath, so the true-altitude line stays visible where they agree.
        var lrf = final.Where(s => s.LrfValid && s.LrfRangeM is not null).ToList();
        if (lrf.Count > 0)
        {
            var points = altitude.Add.ScatterPoints(
                PlotFiles.Column(lrf, s => s.TimeS), PlotFiles.Column(lrf, s => s.LrfRangeM ?? 0), Colors.Teal.WithAlpha(0.6));
            points.MarkerSize = 5;
            points.LegendText = "valid LRF range";
        }

        PlotFiles.Line(altitude, t, PlotFiles.Column(final, s => s.TrueAltitudeM), "true altitude", Colors.Black);
        PlotFiles.Line(altitude, t, PlotFiles.Column(final, s => s.EstimatedAltitudeM), "estimated altitude (navigation)", Colors.OrangeRed)
            .LinePattern = LinePattern.Dashed;
        if (result.FirstEvent(TimelineEventKind.LrfFirstValid) is { } firstValid && t.Length > 0 && firstValid.TimeS >= t[0])
        {
            var line = altitude.Add.VerticalLine(firstValid.TimeS, 1.5f, Colors.Teal, LinePattern.Dotted);
            line.LegendText = $"LRF first valid ({Number.F(firstValid.TrueAltitudeM, 0)} m)";
        }

        altitude.ShowLegend(Alignment.UpperRight);

        var rate = PlotFiles.Create($"{name}: final descent, descent rate against altitude", "True altitude above terrain (m)", "Descent rate (m/s, down positive)");
        PlotFiles.Line(rate, PlotFiles.Column(final, s => s.TrueAltitudeM), PlotFiles.Column(final, s => s.DescentRateMps), "model", Colors.Blue);
        AddPublishedFigures(rate, result);
        // Altitude falls from left to right, in the order the lander flies it.
        rate.Axes.InvertX();
        rate.ShowLegend(Alignment.UpperLeft);

        return
        [
            PlotFiles.Save(altitude, directory, "final-altitude", "Final descent: true vs estimated altitude and valid LRF ranges"),
            PlotFiles.Save(rate, directory, "final-descent-rate", "Final descent: descent rate against altitude, with the published figures"),
        ];
    }

    /// <summary>From the end of braking to the end; the last fifth of the flight when there is no vertical hold.</summary>
    internal static IReadOnlyList<TrajectorySample> FinalSamples(DescentResult result)
    {
        var samples = result.Trajectory;
        var hold = samples.FirstOrDefault(s => s.Phase == GuidancePhase.VerticalHold, samples.Count > 0 ? samples[^1] : default);
        var end = samples.Count > 0 ? samples[^1].TimeS : 0;
        var from = hold.Phase == GuidancePhase.VerticalHold ? hold.TimeS : end * 0.8;
        return [.. samples.Where(s => s.TimeS >= from)];
    }

    private static void AddPublishedFigures(Plot plot, DescentResult result)
    {
        var figures = result.Scenario.Reference?.Figures ?? [];
        var firstValidAltitude = figures.FirstOrDefault(f => f.Metric == ReferenceMetric.LrfFirstValidAltitudeM)?.Value
            ?? result.FirstEvent(TimelineEventKind.LrfFirstValid)?.TrueAltitudeM;
        var labelled = false;
        foreach (var figure in figures)
        {
            double? altitude = figure.Metric switch
            {
                ReferenceMetric.DescentRateAtAltitudeMps => figure.AtAltitudeM,
                ReferenceMetric.LrfFirstValidDescentRateMps => firstValidAltitude,
                _ => null,
            };
            if (altitude is not { } x)
            {
                continue;
            }

            var bar = plot.Add.Line(x, figure.Value - figure.Tolerance, x, figure.Value + figure.Tolerance);
            bar.LineColor = Colors.Red;
            bar.LineWidth = 2;
            var marker = plot.Add.Marker(x, figure.Value, MarkerShape.FilledCircle, 9, Colors.Red);
            if (!labelled)
            {
                marker.LegendText = "published figure ± tolerance";
                labelled = true;
            }
        }
    }
}
