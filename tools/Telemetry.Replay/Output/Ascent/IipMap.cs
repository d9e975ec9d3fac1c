using ScottPlot;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Plots;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>
/// The navigated instantaneous impact point (channel A, with drag, worst debris class) on the local map (km east and
/// north of the pad) against the limit lines, the protected zones and the coastline, zoomed on the track.
/// </summary>
internal static class IipMap
{
    public static PlotImage Write(AscentResult result, string directory)
    {
        var afts = result.Scenario.Afts;
        var plot = PlotFiles.Create($"{result.Scenario.Name}: instantaneous impact point against the limit lines", "East of the pad (km)", "North of the pad (km)");
        var frame = new LaunchFrame(result.Scenario.Launch);
        var first = true;
        foreach (var (lon, lat) in Coastline.Lines)
        {
            var map = lon.Select((x, i) => frame.ToMap(lat[i], x)).ToArray();
            var coast = PlotFiles.Line(plot, [.. map.Select(m => m.EastKm)], [.. map.Select(m => m.NorthKm)], first ? "coastline (Natural Earth)" : "", Colors.SaddleBrown);
            coast.LineWidth = 1;
            coast.MarkerSize = 0;
            first = false;
        }
        foreach (var line in afts.LimitLines)
        {
            var map = line.Points.Select(p => frame.ToMap(p.LatitudeDeg, p.LongitudeDeg)).ToArray();
            PlotFiles.Line(plot, [.. map.Select(m => m.EastKm)], [.. map.Select(m => m.NorthKm)], line.Name, Colors.Red).LineWidth = 2;
        }

        foreach (var zone in afts.ProtectedZones)
        {
            var circle = plot.Add.Circle(zone.EastKm, zone.NorthKm, zone.RadiusKm);
            circle.FillStyle.Color = Colors.Red.WithAlpha(0.15);
            circle.LineStyle.Color = Colors.Red;
            circle.LegendText = "protected: " + zone.Name;
        }

        var track = result.Trajectory.Where(s => !double.IsNaN(s.IipEastKm)).ToList();
        var east = track.Select(s => s.IipEastKm).ToArray();
        var north = track.Select(s => s.IipNorthKm).ToArray();
        if (track.Count > 0)
        {
            PlotFiles.Line(plot, east, north, "impact point (navigated)", Colors.Blue).MarkerSize = 3;
        }

        var pad = plot.Add.Marker(0, 0, MarkerShape.FilledTriangleUp, 10, Colors.Black);
        pad.LegendText = "pad (Spaceport Kii)";

        // The lines run for thousands of kilometres; show the track, the pad and the zones around them.
        double[] xs = [0, .. east, .. afts.ProtectedZones.Select(z => z.EastKm)];
        double[] ys = [0, .. north, .. afts.ProtectedZones.Select(z => z.NorthKm)];
        var span = Math.Max(30, Math.Max(xs.Max() - xs.Min(), ys.Max() - ys.Min()) * 1.2);
        var (cx, cy) = ((xs.Max() + xs.Min()) / 2, (ys.Max() + ys.Min()) / 2);
        plot.Axes.SetLimits(cx - span, cx + span, cy - (span / 2), cy + (span / 2));
        plot.ShowLegend(Alignment.UpperRight);
        return PlotFiles.Save(plot, directory, "iip-map", "Impact point against the limit lines and the protected zones");
    }
}
