using Telemetry.Ingest.Influx.Internal;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>The messages below are what influxd 1.6.7 answers (captured with curl).</summary>
public sealed class InfluxErrorParserTests
{
    private const string TypeConflict =
        "partial write: field type conflict: input field \"v\" on measurement \"m\" is type integer, already exists as type float dropped=2";

    private const string PartialParse =
        "partial write: unable to parse 'm v=1 v=1 5': bad timestamp\nunable to parse 'bad line': invalid field format dropped=0";

    [Theory]
    [InlineData("{\"error\":\"field type conflict\"}", "field type conflict")]
    [InlineData("{\"code\":\"invalid\",\"message\":\"bucket not found\"}", "bucket not found")]
    [InlineData("  plain text\n", "plain text")]
    [InlineData("{not json", "{not json")]
    [InlineData("", "HTTP 502")]
    [InlineData("{\"error\":\"partial write of line protocol occurred\",\"data\":[{\"original_line\":\"m v=x\",\"line_number\":1,\"error_message\":\"invalid field value\"}]}",
        "partial write of line protocol occurred: invalid field value")]
    public void Message_Bodies_ReturnInfluxMessage(string body, string expected)
    {
        Assert.Equal(expected, InfluxErrorParser.Message(502, body));
    }

    [Theory]
    [InlineData(TypeConflict, 2)]
    [InlineData(PartialParse, 2)]
    [InlineData("unable to parse 'bad': missing fields\nunable to parse 'bad line': invalid field format", 2)]
    [InlineData("field type conflict", null)]
    [InlineData("partial write: points beyond retention policy dropped=7", 7)]
    public void DroppedCount_InfluxMessages_CountRefusedLines(string message, int? expected)
    {
        Assert.Equal(expected, InfluxErrorParser.DroppedCount(message));
    }

    [Fact]
    public void ParseErrorClauses_PartialParseError_OneReasonPerLineInOrder()
    {
        Assert.Equal(
            ["unable to parse 'm v=1 v=1 5': bad timestamp", "unable to parse 'bad line': invalid field format"],
            InfluxErrorParser.ParseErrorClauses(PartialParse));
    }

    [Fact]
    public void ParseErrorClauses_OtherMessage_Empty()
    {
        Assert.Empty(InfluxErrorParser.ParseErrorClauses(TypeConflict));
    }
}
