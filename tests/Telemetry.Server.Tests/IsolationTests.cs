using Grpc.Core;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class IsolationTests(InfluxFixture influx)
{
    [Fact]
    public async Task Stream_OversizedMessageFromOneClient_ThatStreamFailsResourceExhaustedOthersKeepEveryFrame()
    {
        var db = InfluxFixture.NewDatabaseName("isolation");
        await using var server = await TestServer.StartAsync(influx, db,
            new Dictionary<string, string?> { ["Ingest:MaxMessageBytes"] = "65536" });

        using var hostile = server.Client.Stream();
        try
        {
            await hostile.RequestStream.WriteAsync(Frames.Batch(1, "hostile", 1, 2000));
        }
        catch (RpcException)
        {
            // The server may reset the stream before the client has finished sending the message.
        }
        var error = await Assert.ThrowsAsync<RpcException>(() => hostile.ResponseStream.ReadAllAsync().ToListAsync().AsTask());

        using var good = server.Client.Stream();
        for (ulong b = 1; b <= 10; b++)
        {
            await good.RequestStream.WriteAsync(Frames.Batch(b, "good", b * 100, 100));
        }
        await good.RequestStream.CompleteAsync();
        var acks = await good.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("exceeds the maximum", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(10, acks.Count);
        Assert.All(acks, a => Assert.Equal(100u, a.WrittenCount));
        await server.WaitUntilForwardedAsync();
        var perSource = await influx.QueryAsync(db, "SELECT COUNT(altitude_m) FROM descent GROUP BY source");
        Assert.Equal([("good", 1000L)], perSource.Select(r => (r.Tags["source"], r.Values["count"].GetInt64())).ToArray());
    }
}
