using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Spool;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class SpoolDeadLetterTests(InfluxFixture influx)
{
    [Fact]
    public async Task Write_FieldTypeConflictAfterSpoolAck_DeadLetteredWithBatchAndFrameAndCounted()
    {
        var db = InfluxFixture.NewDatabaseName("spool_conflict");
        await using var server = await TestServer.StartAsync(influx, db);
        await server.Client.WriteAsync(Frames.Batch(1, "s", 1, 1));
        var batch = Frames.Batch(2, "s", 10, 5);
        batch.Frames[2].Fields[1] = new Field { Key = "step", StringValue = "twelve" };

        var ack = await server.Client.WriteAsync(batch);
        await server.WaitUntilForwardedAsync();

        // The spool acknowledged all five; InfluxDB's later refusal of one is kept where an operator can act on it.
        Assert.Equal((true, AckDurability.Spool, 5u), (ack.Accepted, ack.Durability, ack.WrittenCount));
        Assert.Empty(ack.Rejections);
        var spool = server.Services.GetRequiredService<SpoolSink>();
        Assert.Equal(1, spool.Stats.DeadLetteredLines);
        var path = Path.Combine(spool.Directory, "dead-letters.jsonl");
        string[] letters = [];
        await Eventually.HoldsAsync(() => (letters = File.Exists(path) ? File.ReadAllLines(path) : []).Length == 1, "one dead letter written");
        var entry = JsonDocument.Parse(letters[0]).RootElement;
        Assert.Equal((2UL, 2), (entry.GetProperty("batchId").GetUInt64(), entry.GetProperty("frameIndex").GetInt32()));
        Assert.Contains("field type conflict", entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("descent,source=s,vehicle=resilience ", entry.GetProperty("line").GetString(), StringComparison.Ordinal);
        Assert.Contains("step=\"twelve\"", entry.GetProperty("line").GetString(), StringComparison.Ordinal);
        var steps = (await influx.QueryAsync(db, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64());
        Assert.Equal([1L, 10, 11, 13, 14], steps);
    }
}
