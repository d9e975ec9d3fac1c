using Spectre.Console;
using Telemetry.Replay.Commands;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Spectre falls back to 80 columns when it cannot see a terminal; logs and pipes read better unwrapped.
    console.Profile.Width = 160;
}

return await ReplayCli.Create(console).Parse(args).InvokeAsync().ConfigureAwait(false);
