using Spectre.Console;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Ascent;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Commands;

/// <summary><c>run</c> of an ascent scenario: the timeline with every rule decision, the outcome and its truth, files, a stream.</summary>
internal static class AscentRunCommand
{
    public static async Task<int> ExecuteAsync(
        IAnsiConsole console, string scenarioName, int seed, string? outDirectory, StreamRequest? stream, CancellationToken ct)
    {
        var scenario = AscentScenarioCatalog.Load(scenarioName);
        var result = RunSteps.Fly(console, scenario.Name, scenario.Description, seed, () => AscentSimulator.Run(scenario, seed));
        var good = result.Outcome.Judgement is AftsJudgement.CorrectlyFlown or AftsJudgement.WarrantedTermination;
        return await RunSteps.ReportAsync(
            console, [AscentTables.Timeline(result.Events), AscentTables.Outcome(result), AscentTables.Reference(result)],
            good, AscentVerdict.Of(result.Outcome), scenario.Name, outDirectory,
            directory => AscentOutputs.Write(result, directory),
            stream is null ? null : () => StreamRunner.StreamAsync(console, result, stream, ct)).ConfigureAwait(false);
    }
}
