namespace Telemetry.Replay.Output.Html;

/// <summary>The one style sheet every report inlines.</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1060px; color: #222; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .2em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: .6em 0; font-size: .92em; }
        th, td { border: 1px solid #bbb; padding: .25em .6em; text-align: left; }
        th { background: #eee; }
        td { font-variant-numeric: tabular-nums; }
        tr.good td { background: #e7f6e7; }
        tr.bad td { background: #fbe4e4; }
        p.verdict { font-size: 1.1em; font-weight: bold; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: .85em; color: #555; }
        details { margin: 1.5em 0; }
        pre { background: #f6f6f6; padding: .6em; font-size: .85em; overflow-x: auto; }
        p.footer { margin-top: 3em; font-size: .8em; color: #777; }
        """;
}
