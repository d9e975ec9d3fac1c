using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>Failures without an HTTP answer: timeouts and refused connections are retried, nothing is lost.</summary>
public sealed class InfluxSinkTransientTests
{
    [Fact]
    public async Task EnqueueAsync_RequestTimesOut_RetriesTheSameBodyAndWrites()
    {
        await using var server = new FakeInfluxServer((_, n) => n == 0 ? FakeReply.NoContent with { Delay = TimeSpan.FromSeconds(10) } : FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        var batch = TestLines.Batch(TestLines.Points("m", 0, 4));

        var drops = await SinkBuilder.WriteAllAsync(sink, batch);

        Assert.Empty(Assert.Single(drops));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(TestLines.Text(TestLines.Points("m", 0, 4)), server.Requests[1].Text);
        Assert.Equal((1L, 4L), (sink.Stats.Retries, sink.Stats.WrittenLines));
    }

    [Fact]
    public async Task EnqueueAsync_ConnectionRefused_RetriesUntilInfluxListens()
    {
        var port = FreePort.Next();
        await using var sink = SinkBuilder.Create(new Uri($"http://127.0.0.1:{port}/"), o => o.CreateDatabase = false);
        var batch = TestLines.Batch(TestLines.Points("m", 0, 4));
        await SinkBuilder.StartAndEnqueueAsync(sink, batch);
        var drain = sink.DrainAsync(SinkBuilder.Deadline());
        await Eventually.HoldsAsync(() => sink.Stats.Retries >= 3, "three retries");
        Assert.False(batch.Written.IsCompleted);

        await using var server = new FakeInfluxServer((_, _) => FakeReply.NoContent, port);
        await drain;

        Assert.Empty(await batch.Written);
        Assert.Equal(TestLines.Text(TestLines.Points("m", 0, 4)), Assert.Single(server.Requests).Text);
        Assert.Equal((4L, 0L), (sink.Stats.WrittenLines, sink.Stats.DroppedLines));
    }
}
