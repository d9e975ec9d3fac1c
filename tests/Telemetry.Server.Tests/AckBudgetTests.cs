using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class AckBudgetTests(InfluxFixture influx, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Stream_ClientNeverReadsLargeAcks_ServerStopsReadingOnceTheAckBytesAreOverTheBudget()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("ack_budget"), new Dictionary<string, string?>
        {
            ["Ingest:MaxAckBytesPerStream"] = "65536",
            ["Ingest:MaxBatchesInFlightPerStream"] = "64",
        });
        using var call = server.Client.Stream();
        var sent = 0;

        // Each batch's ack lists 1,000 rejections with 256-character reasons (about 270 KB): over the budget alone.
        while (sent < 64)
        {
            var write = call.RequestStream.WriteAsync(LongReasonBatch((ulong)sent + 1));
            if (await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(4))) != write)
            {
                break;
            }
            sent++;
        }

        output.WriteLine($"the server stopped reading after {sent} batches");
        // The batch count alone (64 in flight) would let all 64 through; the ack bytes stop it after a few, plus
        // what the HTTP/2 windows hold.
        Assert.InRange(sent, 1, 16);
        Assert.Equal(0, await influx.CountAsync(server.Database, "reasons", "step"));
    }

    private static FrameBatch LongReasonBatch(ulong id)
    {
        var batch = new FrameBatch { BatchId = id };
        for (var i = 0; i < 1000; i++)
        {
            var frame = Frames.Sample("budget", (ulong)i, "reasons");
            frame.Fields[0] = new Field { Key = new string('k', 300), DoubleValue = double.NaN };
            batch.Frames.Add(frame);
        }
        return batch;
    }
}
