using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Influx;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class CancellationTests(InfluxFixture influx)
{
    [Fact]
    public async Task Stream_CancelledAfterHalfCloseWhileItsBatchWaitsOnAPausedSink_CallEndsAtOnce()
    {
        // InfluxDB's database is missing, so writing is paused and the batch is never acknowledged. With one call
        // allowed per client, a second call is admitted only once the first has really ended.
        var db = InfluxFixture.NewDatabaseName("cancel_paused");
        await using var server = await TestServer.StartAsync(influx, db, new Dictionary<string, string?>
        {
            ["Influx:CreateDatabase"] = "false",
            ["Influx:AuthRetryInterval"] = "00:00:00.200",
            ["Limits:ConcurrentCallsPerClient"] = "1",
        });
        using var cts = new CancellationTokenSource();
        using var first = server.Client.Stream(cancellationToken: cts.Token);
        await first.RequestStream.WriteAsync(Frames.Batch(1, "s", 1, 10));
        await first.RequestStream.CompleteAsync(); // the server now only waits for the batch's ack
        await Eventually.HoldsAsync(() => server.Services.GetRequiredService<InfluxSink>().Stats.PendingLines == 10, "the batch waits in the sink");

        await cts.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<RpcException>(() => first.ResponseStream.MoveNext(CancellationToken.None));
        await Eventually.HoldsAsync(() => TryOpenAsync(server), () => "a new call is admitted: the cancelled one has ended");

        Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        // The batch written before the cancel stays in the sink and lands once InfluxDB can take it (the shutdown
        // drain needs that too), though its ack had no one to go to.
        await influx.CreateDatabaseAsync(db);
        await Eventually.HoldsAsync(async () => await influx.CountAsync(db, "descent", "step") == 10, () => "the batch is written");
    }

    /// <summary>Opens a call whose batch is all rejected (no sink needed): true once admitted.</summary>
    private static async Task<bool> TryOpenAsync(TestServer server)
    {
        var batch = Frames.Batch(2, "s", 100, 1);
        batch.Frames[0].Measurement = "";
        try
        {
            using var call = server.Client.Stream();
            await call.RequestStream.WriteAsync(batch);
            await call.RequestStream.CompleteAsync();
            var ack = Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());
            Assert.Equal(RejectionCode.Missing, Assert.Single(ack.Rejections).Code);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            return false;
        }
    }
}
