using System.CommandLine;
using Spectre.Console;
using Telemetry.Simulation.Descent.Calibration;
using Telemetry.Replay.Output.Calibration;
using Telemetry.Replay.Output.Terminal;

namespace Telemetry.Replay.Commands;

/// <summary><c>calibrate</c>: one set of unpublished lander parameters fitted to every public figure of Missions 1 and 2 at once.</summary>
internal static class CalibrateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var seed = CommonOptions.Seed("Seed of the sensor noise of every run.");
        var output = CommonOptions.Out();
        var noHoldOut = new Option<bool>("--no-hold-out")
        {
            Description = "Skip the leave-one-out fits (each fitted figure predicted by a fit to the others).",
        };
        var scenarios = new Option<string?>("--scenarios")
        {
            Description = "Where to write the fitted scenario files. Default: <out>/scenarios. " +
                "Give src/Telemetry.Simulation/Descent/Scenarios to update the shipped ones.",
            HelpName = "dir",
        };
        var command = new Command("calibrate", "Descents: fit the unpublished lander parameters (thrust, Isp, hold throttle, landing-burn factor, throttle slew, low gate, terminal rate, crater rim) within their plausible ranges to every public figure of Missions 1 and 2 together, weighted by each figure's uncertainty; print each figure's residual, the figures that pull against each other and a leave-one-out table; write the fitted scenario files, CSV, JSON and an HTML report.")
        {
            seed, output, noHoldOut, scenarios,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(console, () => Task.FromResult(
            Execute(console, parse.GetValue(seed), parse.GetValue(output), !parse.GetValue(noHoldOut), parse.GetValue(scenarios), ct))));
        return command;
    }

    public static int Execute(IAnsiConsole console, int seed, string? outDirectory, bool holdOuts, string? scenarioDirectory, CancellationToken ct)
    {
        var result = console.Status().Start("Fitting nominal, resilience-m2 and hakuto-r-m1 together...", context =>
            JointCalibration.Run(CalibrationScenarios.Shipped(), seed, holdOuts,
                new InlineProgress<string>(stage => context.Status($"Calibrating: {Markup.Escape(stage)}")), ct));

        ConsoleTables.Write(console, CalibrationTables.Parameters(result));
        ConsoleTables.Write(console, CalibrationTables.Figures(result));
        ConsoleTables.Write(console, CalibrationTables.Conflicts(result));
        if (result.HoldOuts.Count > 0)
        {
            ConsoleTables.Write(console, CalibrationTables.HoldOuts(result));
        }

        console.WriteLine(CalibrationTables.Summary(result));
        var directory = CommonOptions.OutputDirectory(outDirectory, "calibrate", "hakuto-r");
        var scenarios = Path.GetFullPath(scenarioDirectory ?? Path.Combine(directory, "scenarios"));
        var outputs = CalibrationOutputs.Write(result, directory, scenarios);
        OutputListing.Write(console, directory, outputs);
        return ExitCodes.Ok;
    }
}
