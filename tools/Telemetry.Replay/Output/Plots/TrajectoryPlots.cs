using ScottPlot;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Output.Plots;

/// <summary>The time plots of one descent: altitude, speeds, thrust, propellant, LRF state, and the final descent.</summary>
internal static class TrajectoryPlots
{
    public static IReadOnlyList<PlotImage> Write(DescentResult result, string directory)
    {
        var samples = result.Trajectory;
        var t = PlotFiles.Column(samples, s => s.TimeS);
        var name = result.Scenario.Name;
        const string Time = "Simulation time (s)";

        var altitude = PlotFiles.Create($"{name}: true vs estimated altitude", Time, "Altitude above terrain (m)");
        PlotFiles.Line(altitude, t, PlotFiles.Column(samples, s => s.TrueAltitudeM), "true altitude", Colors.Black);
        PlotFiles.Line(altitude, t, PlotFiles.Column(samples, s => s.EstimatedAltitudeM), "estimated altitude (navigation)", Colors.OrangeRed)
            .LinePattern = LinePattern.Dashed;
        altitude.ShowLegend(Alignment.UpperRight);

        var speed = PlotFiles.Create($"{name}: descent rate and horizontal speed", Time, "Speed (m/s)");
        PlotFiles.Line(speed, t, PlotFiles.Column(samples, s => s.DescentRateMps), "descent rate (down positive)", Colors.Blue);
        // Orbital horizontal speed is tens of times the descent rate: it gets its own axis so both stay readable.
        var horizontal = PlotFiles.Line(speed, t, PlotFiles.Column(samples, s => s.HorizontalSpeedMps), "horizontal speed (right axis)", Colors.Gray);
        horizontal.Axes.YAxis = speed.Axes.Right;
        speed.Axes.Right.Label.Text = "Horizontal speed (m/s)";
        speed.YLabel("Descent rate (m/s)");
        speed.ShowLegend(Alignment.UpperCenter);

        var thrust = PlotFiles.Create($"{name}: main-engine thrust", Time, "Thrust (kN)");
        var kiloNewtons = PlotFiles.Column(samples, s => s.ThrustN / 1000);
        PlotFiles.Line(thrust, t, kiloNewtons, "thrust", Colors.DarkGreen);
        PlotFiles.FromZero(thrust, kiloNewtons);
        thrust.ShowLegend(Alignment.LowerLeft);

        var propellant = PlotFiles.Create($"{name}: propellant remaining", Time, "Propellant (kg)");
        var kilograms = PlotFiles.Column(samples, s => s.PropellantKg);
        PlotFiles.Line(propellant, t, kilograms, "propellant", Colors.Purple);
        PlotFiles.FromZero(propellant, kilograms);
        propellant.ShowLegend(Alignment.UpperRight);

        var lrf = PlotFiles.Create($"{name}: laser rangefinder state", Time, "State (1 = yes, 0 = no)");
        PlotFiles.Line(lrf, t, PlotFiles.Column(samples, s => s.LrfValid ? 1.0 : 0.0), "LRF measurement valid", Colors.Teal)
            .ConnectStyle = ConnectStyle.StepHorizontal;
        var latched = PlotFiles.Line(lrf, t, PlotFiles.Column(samples, s => s.LrfLatchedFailed ? 1.0 : 0.0), "LRF latched failed (navigation ignores it)", Colors.Red);
        latched.ConnectStyle = ConnectStyle.StepHorizontal;
        latched.LinePattern = LinePattern.Dashed;
        lrf.Axes.SetLimitsY(-0.1, 1.25);
        lrf.ShowLegend(Alignment.UpperLeft);

        return
        [
            .. FinalDescentPlots.Write(result, directory),
            PlotFiles.Save(altitude, directory, "altitude", "True vs estimated altitude"),
            PlotFiles.Save(speed, directory, "descent-rate", "Descent rate and horizontal speed"),
            PlotFiles.Save(thrust, directory, "thrust", "Thrust"),
            PlotFiles.Save(propellant, directory, "propellant", "Propellant remaining"),
            PlotFiles.Save(lrf, directory, "lrf-validity", "LRF validity"),
        ];
    }
}
