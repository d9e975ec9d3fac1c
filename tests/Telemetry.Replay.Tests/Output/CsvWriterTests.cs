using Telemetry.Replay.Output.Csv;

namespace Telemetry.Replay.Tests.Output;

public sealed class CsvWriterTests
{
    [Fact]
    public void Cell_TextWithCommaQuoteOrNewline_QuotedWithDoubledQuotes()
    {
        var writer = new StringWriter();

        new CsvWriter(writer).Cell("plain").Cell("a,b").Cell("say \"hi\"").Cell("two\nlines").EndRow();

        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n", writer.ToString());
    }

    [Fact]
    public void Cell_Numbers_ShortestRoundTripInvariant()
    {
        var writer = new StringWriter();

        new CsvWriter(writer).Cell(0.1 + 0.2).Cell(-1.5e-7).Cell(42).Cell((double?)null).Cell(true).EndRow();

        Assert.Equal("0.30000000000000004,-1.5E-07,42,,true\n", writer.ToString());
        Assert.Equal(0.1 + 0.2, double.Parse("0.30000000000000004", System.Globalization.CultureInfo.InvariantCulture));
    }
}
