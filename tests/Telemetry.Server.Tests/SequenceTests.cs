using Grpc.Core;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class SequenceTests(InfluxFixture influx)
{
    [Fact]
    public async Task Stream_HoleThenResentBatch_OneGapPointAndTheResendCountedAsDuplicates()
    {
        var db = InfluxFixture.NewDatabaseName("gaps");
        await using var server = await TestServer.StartAsync(influx, db);
        using var call = server.Client.Stream();
        // Sequences 0-99, then 150-199 (100-149 never sent), then 150-199 again (a resend after a reconnect).
        await call.RequestStream.WriteAsync(Frames.Batch(1, "gapped", 0, 100));
        await call.RequestStream.WriteAsync(Frames.Batch(2, "gapped", 150, 50));
        await call.RequestStream.WriteAsync(Frames.Batch(3, "gapped", 150, 50));
        await call.RequestStream.CompleteAsync();
        var acks = (await call.ResponseStream.ReadAllAsync().ToListAsync()).ToDictionary(a => a.BatchId);

        Assert.Equal((100u, 0u), (acks[1].WrittenCount, acks[1].DuplicateCount));
        Assert.Equal((50u, 0u), (acks[2].WrittenCount, acks[2].DuplicateCount));
        Assert.Equal((50u, 50u), (acks[3].WrittenCount, acks[3].DuplicateCount));
        Assert.All(acks.Values, a => Assert.Empty(a.Rejections));
        await server.WaitUntilForwardedAsync();
        var gap = Assert.Single(await influx.QueryAsync(db, "SELECT * FROM telemetry_gaps"));
        Assert.Equal("gapped", gap.Values["source"].GetString());
        Assert.Equal(100, gap.Values["first_missing"].GetInt64());
        Assert.Equal(149, gap.Values["last_missing"].GetInt64());
        Assert.Equal(50, gap.Values["missing"].GetInt64());
        Assert.Equal(Frames.StartNs + (150 * 10_000_000L), gap.Values["time"].GetInt64());
        var steps = (await influx.QueryAsync(db, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64());
        Assert.Equal(Enumerable.Range(0, 100).Concat(Enumerable.Range(150, 50)).Select(i => (long)i), steps);
    }
}
