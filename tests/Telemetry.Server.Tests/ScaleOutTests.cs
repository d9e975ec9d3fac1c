using Grpc.Core;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class ScaleOutTests(InfluxFixture influx)
{
    [Fact]
    public async Task Stream_TwoServersSharingOneDatabase_EveryFrameFromBothStored()
    {
        var db = InfluxFixture.NewDatabaseName("two_instances");
        await using var first = await TestServer.StartAsync(influx, db);
        await using var second = await TestServer.StartAsync(influx, db);

        var sends = new[] { (first, "gateway/a"), (second, "gateway/b") }.Select(async pair =>
        {
            using var call = pair.Item1.Client.Stream();
            for (ulong b = 0; b < 4; b++)
            {
                await call.RequestStream.WriteAsync(Frames.Batch(b + 1, pair.Item2, b * 250 + 1, 250));
            }
            await call.RequestStream.CompleteAsync();
            return (await call.ResponseStream.ReadAllAsync().ToListAsync()).Sum(a => (long)a.WrittenCount);
        });
        var written = await Task.WhenAll(sends);

        Assert.Equal([1000L, 1000], written);
        await first.WaitUntilForwardedAsync();
        await second.WaitUntilForwardedAsync();
        var perSource = await influx.QueryAsync(db, "SELECT COUNT(altitude_m) FROM descent GROUP BY source");
        Assert.Equal(
            [("gateway/a", 1000L), ("gateway/b", 1000L)],
            perSource.Select(r => (r.Tags["source"], r.Values["count"].GetInt64())).ToArray());
    }
}
