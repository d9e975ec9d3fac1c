using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>The sink against a fake server, for the answers influxd 1.6.7 cannot produce.</summary>
public sealed class InfluxSinkHttpTests
{
    [Fact]
    public async Task EnqueueAsync_413_SplitsDownToLinesUntilEveryRequestFits()
    {
        // Accept at most two lines per request.
        await using var server = new FakeInfluxServer((r, _) => r.LineCount <= 2 ? FakeReply.NoContent : new FakeReply(413, "Request Entity Too Large"));
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.BatchLines = 100);
        LineBatch[] batches = [TestLines.Batch(TestLines.Points("m", 0, 2)), TestLines.Batch(TestLines.Points("m", 2, 1)),
            TestLines.Batch(TestLines.Points("m", 3, 5))];

        var drops = await SinkBuilder.WriteAllAsync(sink, batches);

        Assert.All(drops, Assert.Empty);
        var accepted = server.Requests.Where(r => r.LineCount <= 2).ToArray();
        Assert.Equal(TestLines.Text(TestLines.Points("m", 0, 8)), string.Concat(accepted.Select(r => r.Text)));
        Assert.Equal(8, sink.Stats.WrittenLines);
        Assert.Equal(0, sink.Stats.DroppedLines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EnqueueAsync_429WithRetryAfter_WaitsTheServersDelayThenWrites(bool asDate)
    {
        var time = new RecordingTimeProvider();
        var retryAfter = asDate
            ? DateTimeOffset.UtcNow.AddSeconds(3).ToString("r", CultureInfo.InvariantCulture)
            : "1";
        await using var server = new FakeInfluxServer((_, n) => n == 0 ? new FakeReply(429, "slow down", ("Retry-After", retryAfter)) : FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.RetryMaxDelay = TimeSpan.FromMinutes(1), time: time);
        var batch = TestLines.Batch(TestLines.Points("m", 0, 3));

        var drops = await SinkBuilder.WriteAllAsync(sink, batch);

        Assert.Empty(Assert.Single(drops));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Text, server.Requests[1].Text);
        Assert.Equal(1, sink.Stats.Retries);
        // The retry waited for the server's delay: exactly 1 s, or up to the date's 3 s (whole seconds on the wire).
        var waited = time.DueTimes.Where(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(3)).ToArray();
        var delay = Assert.Single(waited);
        if (asDate)
        {
            Assert.InRange(delay, TimeSpan.FromSeconds(0.001), TimeSpan.FromSeconds(3));
        }
        else
        {
            Assert.Equal(TimeSpan.FromSeconds(1), delay);
        }
    }

    [Fact]
    public async Task EnqueueAsync_503ThenSuccess_RetriesWithoutLossInOrder()
    {
        await using var server = new FakeInfluxServer((_, n) => n is 0 or 1 or 3 ? new FakeReply(503, "busy") : FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.BatchLines = 2);
        LineBatch[] batches = [.. Enumerable.Range(0, 3).Select(i => TestLines.Batch(TestLines.Points("m", i * 2, 2)))];

        var drops = await SinkBuilder.WriteAllAsync(sink, batches);

        Assert.All(drops, Assert.Empty);
        var bodies = server.Requests.Select(r => r.Text).ToArray();
        string[] expected = [.. Enumerable.Range(0, 3).Select(i => TestLines.Text(TestLines.Points("m", i * 2, 2)))];
        Assert.Equal([expected[0], expected[0], expected[0], expected[1], expected[1], expected[2]], bodies);
        Assert.Equal(3, sink.Stats.Retries);
        Assert.Equal(6, sink.Stats.WrittenLines);
    }

    [Fact]
    public async Task EnqueueAsync_401_PausesAllWritersLogsOnceThenRecoversWithNothingDropped()
    {
        var authorized = false;
        await using var server = new FakeInfluxServer((_, _) => Volatile.Read(ref authorized) ? FakeReply.NoContent : new FakeReply(401, "authorization failed"));
        var logger = new ListLogger<InfluxSink>();
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => (o.BatchLines, o.Writers, o.AuthRetryInterval) = (2, 2, TimeSpan.FromSeconds(1)), logger);
        LineBatch[] batches = [.. Enumerable.Range(0, 4).Select(i => TestLines.Batch(TestLines.Points("m", i * 2, 2)))];

        await SinkBuilder.StartAndEnqueueAsync(sink, batches);
        await Eventually.HoldsAsync(() => sink.Stats.PausedReason is not null, "writing paused");

        Assert.Equal("HTTP 401: authorization failed", sink.Stats.PausedReason);
        Assert.All(batches, b => Assert.False(b.Written.IsCompleted));
        Assert.Equal(8, sink.Stats.PendingLines);

        Volatile.Write(ref authorized, true);
        Assert.All(await TestLines.AllWritten(batches), Assert.Empty);

        Assert.Null(sink.Stats.PausedReason);
        Assert.Equal(8, sink.Stats.WrittenLines);
        Assert.Equal(0, sink.Stats.DroppedLines);
        Assert.Equal(1, logger.Count(5103));
        Assert.Equal(LogLevel.Error, logger.Entries.Single(e => e.EventId == 5103).Level);
        Assert.Equal(1, logger.Count(5105));
        await sink.DrainAsync(SinkBuilder.Deadline());
    }

    [Fact]
    public async Task EnqueueAsync_V2_SendsBucketOrganizationPrecisionAndToken()
    {
        await using var server = new FakeInfluxServer((_, _) => FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(new Uri(server.BaseAddress, "influx"), o =>
            (o.ApiVersion, o.Organization, o.Bucket, o.Token) = (InfluxApiVersion.V2, "acme & co", "telemetry/raw", "s3cr=t"));
        var batch = TestLines.Batch(TestLines.Points("m", 0, 3));

        var drops = await SinkBuilder.WriteAllAsync(sink, batch);

        Assert.Empty(Assert.Single(drops));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/influx/api/v2/write?org=acme%20%26%20co&bucket=telemetry%2Fraw&precision=ns", request.PathAndQuery);
        Assert.Equal("Token s3cr=t", request.Headers["Authorization"]);
        Assert.Equal(TestLines.Text(TestLines.Points("m", 0, 3)), request.Text);
    }

    [Fact]
    public async Task EnqueueAsync_Gzip_BodyDecompressesToTheSameLines()
    {
        await using var server = new FakeInfluxServer((_, _) => FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.Gzip = true);
        LineBatch[] batches = [TestLines.Batch(TestLines.Points("m", 0, 300)), TestLines.Batch(TestLines.Points("m", 300, 200))];

        var drops = await SinkBuilder.WriteAllAsync(sink, batches);

        Assert.All(drops, Assert.Empty);
        var request = Assert.Single(server.Requests);
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.True(request.Body.Length < Encoding.UTF8.GetByteCount(request.Text) / 2);
        Assert.Equal(TestLines.Text(TestLines.Points("m", 0, 500)), request.Text);
    }

    [Fact]
    public async Task EnqueueAsync_V1Credentials_SendsBasicAuthDatabaseAndRetentionPolicy()
    {
        await using var server = new FakeInfluxServer((_, _) => FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(server.BaseAddress, o =>
            (o.Database, o.RetentionPolicy, o.Username, o.Password, o.CreateDatabase) = ("flight 7", "one_week", "ops", "pa:ss", false));
        var batch = TestLines.Batch(TestLines.Points("m", 0, 1));

        var drops = await SinkBuilder.WriteAllAsync(sink, batch);

        Assert.Empty(Assert.Single(drops));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/write?db=flight%207&rp=one_week&precision=ns", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:pa:ss")), request.Headers["Authorization"]);
    }
}
