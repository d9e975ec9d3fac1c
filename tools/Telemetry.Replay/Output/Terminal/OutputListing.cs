using Spectre.Console;

namespace Telemetry.Replay.Output.Terminal;

/// <summary>Tells the user where the files went.</summary>
internal static class OutputListing
{
    public static void Write(IAnsiConsole console, string directory, IEnumerable<string> files)
    {
        console.MarkupLine($"Wrote to [bold]{Markup.Escape(directory)}[/]:");
        foreach (var file in files)
        {
            console.MarkupLine("  " + Markup.Escape(Path.GetRelativePath(directory, file)));
        }
    }
}
