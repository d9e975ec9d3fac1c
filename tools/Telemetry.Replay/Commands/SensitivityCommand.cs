using System.CommandLine;
using Spectre.Console;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Replay.Output.Sensitivity;
using Telemetry.Replay.Output.Terminal;

namespace Telemetry.Replay.Commands;

/// <summary><c>sensitivity &lt;scenario&gt;</c>: how each outcome figure moves across the unpublished parameters' plausible ranges.</summary>
internal static class SensitivityCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = CommonOptions.Scenario();
        var samples = new Option<int>("--samples")
        {
            Description = "Latin-hypercube runs with every parameter varied together (2-100000).",
            HelpName = "n",
            DefaultValueFactory = _ => 200,
        };
        var seed = CommonOptions.Seed("Seed of the sensor noise (the same for every run) and of the Latin-hypercube sample.");
        var output = CommonOptions.Out();
        var command = new Command("sensitivity", "Descents: vary each unpublished parameter across its plausible range, one at a time and all together (Latin hypercube), and report how contact speed, the times from 3,000 m and from 893 m to contact, the descent duration, the propellant left and the propellant-out altitude move: a tornado plot and a table per figure, CSV, JSON and an HTML report.")
        {
            scenario, samples, seed, output,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(console, () => Task.FromResult(
            Execute(console, parse.GetRequiredValue(scenario), parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(output), ct))));
        return command;
    }

    public static int Execute(IAnsiConsole console, string scenarioName, int samples, int seed, string? outDirectory, CancellationToken ct)
    {
        if (samples is < 2 or > 100_000)
        {
            throw new UsageException($"--samples must be 2-100000 (got {samples}).");
        }

        if (AscentScenarioCatalog.IsAscent(scenarioName))
        {
            throw new UsageException("sensitivity covers descent scenarios; for an ascent, sweep a termination setting (sweep --afts).");
        }

        var scenario = ScenarioCatalog.Load(scenarioName);
        var total = 1 + (2 * SensitivityParameters.For(scenario).Count) + samples;
        var result = console.Progress().Start(context =>
        {
            var task = context.AddTask($"Sensitivity of {Markup.Escape(scenario.Name)}: {total} runs", maxValue: total);
            var result = SensitivityAnalysis.Run(scenario, samples, seed, new InlineProgress<int>(done => task.Value = Math.Max(task.Value, done)), ct);
            task.Value = total;
            return result;
        });

        ConsoleTables.Write(console, SensitivityTables.Parameters(result));
        foreach (var figure in SensitivityFigures.All.Where(f => result.Tornado(f).Count > 0))
        {
            ConsoleTables.Write(console, SensitivityTables.Tornado(result, figure));
        }

        ConsoleTables.Write(console, SensitivityTables.Spread(result));
        var directory = CommonOptions.OutputDirectory(outDirectory, "sensitivity", scenario.Name);
        var outputs = console.Status().Start("Writing CSV, JSON, tornado plots and report...", _ => SensitivityOutputs.Write(result, directory));
        OutputListing.Write(console, directory, outputs.Files);
        return ExitCodes.Ok;
    }
}
