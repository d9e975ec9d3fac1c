using Spectre.Console;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Tests;

/// <summary>A Spectre console that writes plain text to a string, wide enough that tables do not wrap.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _writer = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 250;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString();

    /// <summary>Runs the CLI with these arguments against this console, as the process would.</summary>
    public Task<int> InvokeAsync(params string[] args) => ReplayCli.Create(Console).Parse(args).InvokeAsync();
}
