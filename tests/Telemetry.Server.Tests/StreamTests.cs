using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class StreamTests(InfluxFixture influx)
{
    [Fact]
    public async Task Stream_FiveBatchesInFlight_EveryFrameStoredWithExactValues()
    {
        var db = InfluxFixture.NewDatabaseName("stream");
        await using var server = await TestServer.StartAsync(influx, db);

        using var call = server.Client.Stream();
        for (ulong b = 0; b < 5; b++)
        {
            await call.RequestStream.WriteAsync(Frames.Batch(b + 1, "resilience/gnc", b * 200 + 1, 200));
        }
        await call.RequestStream.CompleteAsync();
        var acks = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal([1UL, 2, 3, 4, 5], acks.Select(a => a.BatchId).Order().ToArray());
        Assert.All(acks, a => Assert.True(a.Accepted));
        Assert.All(acks, a => Assert.Equal(200u, a.WrittenCount));
        Assert.All(acks, a => Assert.Empty(a.Rejections));
        Assert.All(acks, a => Assert.Equal(AckDurability.Spool, a.Durability));
        await server.WaitUntilForwardedAsync();
        Assert.Equal(1000, await influx.CountAsync(db, "descent", "altitude_m"));
        var rows = await influx.QueryAsync(db, "SELECT * FROM descent");
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), rows.Select(r => r.Values["step"].GetInt64()));
        Assert.All(rows, row => AssertStored(row, row.Values["step"].GetInt64()));
    }

    [Fact]
    public async Task Stream_BatchWithInvalidFrames_RejectsOnlyThoseWithReasonsAndStoresTheRest()
    {
        var db = InfluxFixture.NewDatabaseName("stream_invalid");
        await using var server = await TestServer.StartAsync(influx, db);
        var batch = Frames.Batch(42, "resilience/gnc", 1, 8);
        batch.Frames[1].Fields[0].DoubleValue = double.NaN;
        batch.Frames[3].Measurement = "";
        batch.Frames[4].Tags.Add(new Tag { Key = "time", Value = "x" });
        batch.Frames[6].Fields.Add(new Field { Key = "step", IntValue = 1 });
        batch.Frames[7].Fields[3].StringValue = "line\nbreak";

        using var call = server.Client.Stream();
        await call.RequestStream.WriteAsync(batch);
        await call.RequestStream.CompleteAsync();
        var ack = Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());

        Assert.True(ack.Accepted);
        Assert.Equal(42UL, ack.BatchId);
        Assert.Equal(3u, ack.WrittenCount);
        Assert.Equal(
            [(1u, RejectionCode.NonFinite), (3u, RejectionCode.Missing), (4u, RejectionCode.ReservedKey),
             (6u, RejectionCode.DuplicateKey), (7u, RejectionCode.Newline)],
            ack.Rejections.Select(r => (r.Index, r.Code)).ToArray());
        Assert.Contains("altitude_m", ack.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("time", ack.Rejections[2].Reason, StringComparison.Ordinal);
        Assert.Contains("step", ack.Rejections[3].Reason, StringComparison.Ordinal);
        await server.WaitUntilForwardedAsync();
        var steps = (await influx.QueryAsync(db, "SELECT step FROM descent"))
            .Select(r => r.Values["step"].GetInt64()).ToArray();
        Assert.Equal([1L, 3, 6], steps);
    }

    [Fact]
    public async Task Stream_TooManyFramesInOneBatch_RefusedWholeAndStreamContinues()
    {
        var db = InfluxFixture.NewDatabaseName("stream_limit");
        await using var server = await TestServer.StartAsync(influx, db,
            new Dictionary<string, string?> { ["Ingest:MaxFramesPerBatch"] = "10" });

        using var call = server.Client.Stream();
        await call.RequestStream.WriteAsync(Frames.Batch(1, "s", 1, 11));
        await call.RequestStream.WriteAsync(Frames.Batch(2, "s", 100, 10));
        await call.RequestStream.CompleteAsync();
        var acks = (await call.ResponseStream.ReadAllAsync().ToListAsync()).OrderBy(a => a.BatchId).ToArray();

        Assert.False(acks[0].Accepted);
        Assert.Equal(0u, acks[0].WrittenCount);
        Assert.Contains("11 frames", acks[0].Error, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxFramesPerBatch", acks[0].Error, StringComparison.Ordinal);
        Assert.True(acks[1].Accepted);
        Assert.Equal(10u, acks[1].WrittenCount);
        await server.WaitUntilForwardedAsync();
        Assert.Equal(10, await influx.CountAsync(db, "descent", "altitude_m"));
    }

    [Fact]
    public async Task Write_FieldTypeConflictAckAfterDatabase_AckNamesTheFrameWithInfluxReason()
    {
        var db = InfluxFixture.NewDatabaseName("conflict");
        await using var server = await TestServer.StartAsync(influx, db, new Dictionary<string, string?> { ["Ingest:AckAfter"] = "Database" });
        await server.Client.WriteAsync(Frames.Batch(1, "s", 1, 1));
        var batch = Frames.Batch(2, "s", 10, 5);
        batch.Frames[2].Fields[1] = new Field { Key = "step", StringValue = "twelve" };

        var ack = await server.Client.WriteAsync(batch);

        Assert.True(ack.Accepted);
        Assert.Equal(AckDurability.Database, ack.Durability);
        Assert.Equal(4u, ack.WrittenCount);
        var rejection = Assert.Single(ack.Rejections);
        Assert.Equal(2u, rejection.Index);
        Assert.Equal(RejectionCode.Database, rejection.Code);
        Assert.Contains("field type conflict", rejection.Reason, StringComparison.Ordinal);
        var steps = (await influx.QueryAsync(db, "SELECT step FROM descent"))
            .Select(r => r.Values["step"].GetInt64()).ToArray();
        Assert.Equal([1L, 10, 11, 13, 14], steps);
    }

    [Fact]
    public async Task Write_EmptyBatch_AcceptedWithNothingWritten()
    {
        var db = InfluxFixture.NewDatabaseName("empty");
        await using var server = await TestServer.StartAsync(influx, db);

        var ack = await server.Client.WriteAsync(new FrameBatch { BatchId = 9 });

        Assert.Equal(new BatchAck { BatchId = 9, Accepted = true, WrittenCount = 0, Durability = AckDurability.Spool }, ack);
    }

    private static void AssertStored(InfluxRow row, long sequence)
    {
        Assert.Equal(Frames.StartNs + sequence * 10_000_000, row.Values["time"].GetInt64());
        Assert.Equal(3000.0 - sequence * 0.25, row.Values["altitude_m"].GetDouble());
        Assert.Equal(sequence, row.Values["step"].GetInt64());
        Assert.Equal(sequence % 2 == 0, row.Values["lrf_valid"].GetBoolean());
        Assert.Equal("vertical hold", row.Values["phase"].GetString());
        Assert.Equal("resilience/gnc", row.Values["source"].GetString());
        Assert.Equal("resilience", row.Values["vehicle"].GetString());
    }
}
