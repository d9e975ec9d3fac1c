using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

public sealed class InfluxSinkGroupCommitTests
{
    [Fact]
    public async Task EnqueueAsync_WriterIdle_SendsAtOnceWithoutWaitingForTheFlushInterval()
    {
        await using var server = new FakeInfluxServer((_, _) => FakeReply.NoContent);
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.FlushWhenIdle = true);
        var batch = TestLines.Batch(TestLines.Points("m", 0, 3));

        await SinkBuilder.StartAndEnqueueAsync(sink, batch);
        var drops = await batch.Written.WaitAsync(Eventually.Timeout);

        Assert.Empty(drops);
        Assert.Equal(TestLines.Text(TestLines.Points("m", 0, 3)), Assert.Single(server.Requests).Text);
    }

    [Fact]
    public async Task EnqueueAsync_WriterBusy_BatchesArrivingMeanwhileGoTogetherInTheNextRequest()
    {
        using var release = new ManualResetEventSlim();
        await using var server = new FakeInfluxServer((_, n) =>
        {
            if (n == 0)
            {
                release.Wait(Eventually.Timeout);
            }
            return FakeReply.NoContent;
        });
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => o.FlushWhenIdle = true);
        var first = TestLines.Batch(TestLines.Points("m", 0, 10));
        LineBatch[] meanwhile = [.. Enumerable.Range(1, 3).Select(i => TestLines.Batch(TestLines.Points("m", i * 10, 10)))];

        await SinkBuilder.StartAndEnqueueAsync(sink, first);
        await Eventually.HoldsAsync(() => server.Requests.Count == 1, "the first request reached InfluxDB");
        foreach (var batch in meanwhile)
        {
            await sink.EnqueueAsync(batch, default);
        }
        release.Set();
        await Task.WhenAll(meanwhile.Select(b => b.Written)).WaitAsync(Eventually.Timeout);

        Assert.Equal([10, 30], server.Requests.Select(r => r.LineCount).ToArray());
        Assert.Equal(TestLines.Text(TestLines.Points("m", 10, 30)), server.Requests[1].Text);
    }
}
