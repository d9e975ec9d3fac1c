using Spectre.Console;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output.Terminal;

/// <summary>Renders <see cref="TableData"/> with Spectre: escaped text, green/red rows for verdicts.</summary>
internal static class ConsoleTables
{
    public static Table Build(TableData data)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(data.Title)), Border = TableBorder.Rounded };
        foreach (var header in data.Headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in data.Rows)
        {
            var style = row.Verdict switch { true => "green", false => "red", null => null };
            table.AddRow([.. row.Cells.Select(cell => (Spectre.Console.Rendering.IRenderable)new Markup(
                style is null ? Markup.Escape(cell) : $"[{style}]{Markup.Escape(cell)}[/]"))]);
        }

        return table;
    }

    public static void Write(IAnsiConsole console, TableData? data)
    {
        if (data is not null)
        {
            console.Write(Build(data));
        }
    }
}
