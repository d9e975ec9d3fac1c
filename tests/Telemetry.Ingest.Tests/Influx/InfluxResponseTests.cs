using Telemetry.Ingest.Influx.Internal;

namespace Telemetry.Ingest.Tests.Influx;

public sealed class InfluxResponseTests
{
    [Theory]
    [InlineData(204, "", nameof(InfluxOutcome.Written))]
    [InlineData(200, "", nameof(InfluxOutcome.Written))]
    [InlineData(400, "partial write: field type conflict dropped=1", nameof(InfluxOutcome.Partial))]
    [InlineData(422, "unprocessable entity", nameof(InfluxOutcome.Partial))]
    [InlineData(401, "authorization failed", nameof(InfluxOutcome.Paused))]
    [InlineData(403, "forbidden", nameof(InfluxOutcome.Paused))]
    [InlineData(404, "database not found: \"x\"", nameof(InfluxOutcome.Paused))]
    [InlineData(500, "retention policy not found: one_week", nameof(InfluxOutcome.Paused))]
    [InlineData(405, "method not allowed", nameof(InfluxOutcome.Paused))]
    [InlineData(413, "Request Entity Too Large", nameof(InfluxOutcome.TooLarge))]
    [InlineData(408, "timeout", nameof(InfluxOutcome.Transient))]
    [InlineData(429, "too many requests", nameof(InfluxOutcome.Transient))]
    [InlineData(500, "timeout", nameof(InfluxOutcome.Transient))]
    [InlineData(503, "engine: cache maximum memory size exceeded", nameof(InfluxOutcome.Transient))]
    public void FromStatus_StatusAndMessage_ClassifiedOnce(int status, string message, string outcome)
    {
        var expected = Enum.Parse<InfluxOutcome>(outcome);

        var response = InfluxResponse.FromStatus(status, message, null);

        Assert.Equal(expected, response.Outcome);
        Assert.Equal(expected == InfluxOutcome.Transient, response.IsTransient);
        Assert.Equal(expected == InfluxOutcome.Paused, response.IsAuth);
        Assert.Equal(status == 404, response.IsDatabaseMissing);
    }

    [Fact]
    public void FromException_NetworkError_TransientWithoutStatus()
    {
        var response = InfluxResponse.FromException(new HttpRequestException("Connection refused"));

        Assert.Equal((InfluxOutcome.Transient, 0, "HttpRequestException: Connection refused"),
            (response.Outcome, response.StatusCode, response.Message));
    }
}
