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

    [Theory]
    [InlineData(0x3E60000000000000L, "2.9802322387695312E-08")]
    [InlineData(0x0410000000000000L, "4.1045368012983762E-289")]
    public void Cell_PowerOfTwoTheRuntimeFormatsWrong_ShortestDigitsThatReadBack(long bits, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(bits);
        var writer = new StringWriter();

        new CsvWriter(writer).Cell(value).EndRow();

        Assert.Equal(expected + "\n", writer.ToString());
        Assert.Equal(value, double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cell_NonFinite_WrittenAsTheRuntimeNamesThem()
    {
        var writer = new StringWriter();

        new CsvWriter(writer).Cell(double.NaN).Cell(double.PositiveInfinity).Cell(-0.0).EndRow();

        Assert.Equal("NaN,Infinity,-0\n", writer.ToString());
    }
}
