using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Tests.Output;

public sealed class HtmlReportTests
{
    [Fact]
    public void InlineSvg_ScottPlotDocument_NoPrologNoNamespacesAndAViewBox()
    {
        const string Svg = """
            <?xml version="1.0" encoding="utf-8" ?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1000" height="420">
            <rect fill="white" width="1000" height="420"/></svg>
            """;

        var inline = HtmlReport.InlineSvg(Svg);

        Assert.StartsWith("""<svg width="1000" height="420" viewBox="0 0 1000 420">""", inline, StringComparison.Ordinal);
        Assert.DoesNotContain("http", inline, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", inline, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextWithMarkup_Escaped()
    {
        var html = new HtmlReport("a <b> & c")
            .Table(new TableData("t", ["<h>"], [new TableRow(["x < y"], Verdict: false)]))
            .Render();

        Assert.Contains("<title>a &lt;b&gt; &amp; c</title>", html, StringComparison.Ordinal);
        Assert.Contains("<th>&lt;h&gt;</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"bad\"><td>x &lt; y</td></tr>", html, StringComparison.Ordinal);
    }
}
