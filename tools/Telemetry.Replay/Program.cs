using Spectre.Console;
using Telemetry.Replay.Commands;

return await ReplayCli.Create(AnsiConsole.Console).Parse(args).InvokeAsync().ConfigureAwait(false);
