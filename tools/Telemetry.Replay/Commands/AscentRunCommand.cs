using Spectre.Console;
using Telemetry.Guidance.Ascent;
using Telemetry.Replay.Output;
using Telemetry.Replay.Output.Ascent;
using Telemetry.Replay.Output.Terminal;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Commands;

/// <summary><c>run</c> of an ascent scenario: the timeline with every rule decision, the outcome and its truth, files, a stream.</summary>
internal static class AscentRunCommand
{
    public static async Task<int> ExecuteAsync(
        IAnsiConsole console, string scenarioName, int seed, string? outDirectory, StreamRequest? stream, CancellationToken ct)
    {
        var scenario = AscentScenarioCatalog.Load(scenarioName);
        var result = console.Status().Start($"Flying {Markup.Escape(scenario.Name)}...", _ => AscentSimulator.Run(scenario, seed));
        console.Write(new Rule(Markup.Escape($"{scenario.Name} (seed {seed})")).LeftJustified());
        if (scenario.Description.Length > 0)
        {
            console.WriteLine(scenario.Description);
        }

        ConsoleTables.Write(console, AscentTables.Timeline(result.Events));
        ConsoleTables.Write(console, AscentTables.Outcome(result));
        ConsoleTables.Write(console, AscentTables.Reference(result));
        var good = result.Outcome.Judgement is Guidance.Ascent.AftsJudgement.CorrectlyFlown or Guidance.Ascent.AftsJudgement.WarrantedTermination;
        console.MarkupLine((good ? "[green]" : "[red]") + Markup.Escape(AscentVerdict.Of(result.Outcome)) + "[/]");

        var directory = CommonOptions.OutputDirectory(outDirectory, "replay", scenario.Name);
        var outputs = console.Status().Start("Writing CSV, JSON, plots and report...", _ => AscentOutputs.Write(result, directory));
        OutputListing.Write(console, directory, outputs.Files);
        return stream is null ? ExitCodes.Ok : await StreamRunner.StreamAsync(console, result, stream, ct).ConfigureAwait(false);
    }
}
