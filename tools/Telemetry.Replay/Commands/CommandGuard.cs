using Spectre.Console;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Commands;

/// <summary>Turns bad input into a clear one-line message and exit code 1, instead of a stack trace.</summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or ScenarioException)
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape(ex.Message));
            return ExitCodes.BadInput;
        }
    }
}
