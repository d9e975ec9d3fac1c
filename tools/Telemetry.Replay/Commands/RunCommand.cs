using System.CommandLine;
using Spectre.Console;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Output;
using Telemetry.Replay.Output.Tables;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Commands;

/// <summary><c>run &lt;scenario&gt;</c>: one descent or ascent, its timeline and outcome, files, and optionally a stream.</summary>
internal static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = CommonOptions.Scenario();
        var seed = CommonOptions.Seed("Seed of the sensor noise and dropouts. The same seed gives the same run, bit for bit.");
        var output = CommonOptions.Out();
        var stream = StreamCommandOptions.Create();
        var command = new Command("run", "Fly one descent or ascent: print the event timeline and the outcome beside the public figures, write CSV, outcome JSON, plots and an HTML report.")
        {
            scenario, seed, output, stream.StreamTo, stream.Realtime, stream.Epoch, stream.ApiKey,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(console, () => ExecuteAsync(
            console,
            parse.GetRequiredValue(scenario),
            parse.GetValue(seed),
            parse.GetValue(output),
            stream.Read(parse),
            ct)));
        return command;
    }

    public static async Task<int> ExecuteAsync(
        IAnsiConsole console, string scenarioName, int seed, string? outDirectory, StreamRequest? stream, CancellationToken ct)
    {
        if (AscentScenarioCatalog.IsAscent(scenarioName))
        {
            return await AscentRunCommand.ExecuteAsync(console, scenarioName, seed, outDirectory, stream, ct).ConfigureAwait(false);
        }

        var scenario = ScenarioCatalog.Load(scenarioName);
        var result = RunSteps.Fly(console, scenario.Name, scenario.Description, seed, () => DescentSimulator.Run(scenario, seed));
        return await RunSteps.ReportAsync(
            console, [TimelineTable.Build(result.Events), OutcomeTable.Build(result), ReferenceTable.Build(result)],
            result.Outcome.IsSafe, RunOutputs.Verdict(result.Outcome), scenario.Name, outDirectory,
            directory => RunOutputs.Write(result, directory),
            stream is null ? null : () => StreamRunner.StreamAsync(console, result, stream, ct)).ConfigureAwait(false);
    }
}
