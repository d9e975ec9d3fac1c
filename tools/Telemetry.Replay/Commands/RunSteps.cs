using Spectre.Console;
using Telemetry.Replay.Output;
using Telemetry.Replay.Output.Tables;
using Telemetry.Replay.Output.Terminal;

namespace Telemetry.Replay.Commands;

/// <summary>The steps every <c>run</c> shares, descent or ascent: fly under a status line, title, tables, verdict, files, stream.</summary>
internal static class RunSteps
{
    /// <summary>Flies under a status line, then prints the run's title and the scenario's description.</summary>
    public static TResult Fly<TResult>(IAnsiConsole console, string scenarioName, string description, int seed, Func<TResult> fly)
    {
        var result = console.Status().Start($"Flying {Markup.Escape(scenarioName)}...", _ => fly());
        console.Write(new Rule(Markup.Escape($"{scenarioName} (seed {seed})")).LeftJustified());
        if (description.Length > 0)
        {
            console.WriteLine(description);
        }

        return result;
    }

    /// <summary>Prints the tables and the verdict, writes the files under <c>out/replay/&lt;scenario&gt;</c>, then streams if asked.</summary>
    public static async Task<int> ReportAsync(
        IAnsiConsole console, IEnumerable<TableData?> tables, bool good, string verdict, string scenarioName, string? outDirectory,
        Func<string, ReportFiles> write, Func<Task<int>>? stream)
    {
        foreach (var table in tables)
        {
            ConsoleTables.Write(console, table);
        }

        console.MarkupLine((good ? "[green]" : "[red]") + Markup.Escape(verdict) + "[/]");
        var directory = CommonOptions.OutputDirectory(outDirectory, "replay", scenarioName);
        var outputs = console.Status().Start("Writing CSV, JSON, plots and report...", _ => write(directory));
        OutputListing.Write(console, directory, outputs.Files);
        return stream is null ? ExitCodes.Ok : await stream().ConfigureAwait(false);
    }
}
