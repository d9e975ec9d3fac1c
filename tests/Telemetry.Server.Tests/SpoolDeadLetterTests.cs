using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Spool;
using Telemetry.Reingest;
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

    [Fact]
    public async Task Reingest_FixedDeadLetter_WrittenUntrackedAndStillBadOneRefusedAgain()
    {
        var db = InfluxFixture.NewDatabaseName("reingest");
        await using var server = await TestServer.StartAsync(influx, db);
        await server.Client.WriteAsync(Frames.Batch(1, "s", 1, 1));
        var batch = Frames.Batch(2, "s", 10, 3);
        batch.Frames[0].Fields[1] = new Field { Key = "step", StringValue = "ten" };
        batch.Frames[2].Fields[1] = new Field { Key = "step", StringValue = "twelve" };
        await server.Client.WriteAsync(batch);
        await server.WaitUntilForwardedAsync();
        var spool = server.Services.GetRequiredService<SpoolSink>();
        var path = Path.Combine(spool.Directory, "dead-letters.jsonl");
        await Eventually.HoldsAsync(() => File.Exists(path) && File.ReadAllLines(path).Length == 2, "two dead letters written");
        using var work = new TempDirectory("reingest");
        var fixedPath = Path.Combine(work.Path, "fixed.jsonl");
        // The operator fixes the first (a string where an integer belongs) and leaves the second as it was.
        var lines = File.ReadAllLines(path);
        var first = JsonNode.Parse(lines[0])!;
        first["line"] = first["line"]!.GetValue<string>().Replace("step=\"ten\"", "step=10i", StringComparison.Ordinal);
        File.WriteAllLines(fixedPath, [first.ToJsonString(), lines[1]]);
        Assert.Contains("step=10i", File.ReadAllText(fixedPath), StringComparison.Ordinal);

        var result = await new DeadLetterReingester(server.Client, 500).RunAsync(fixedPath, TextWriter.Null, CancellationToken.None);
        await server.WaitUntilForwardedAsync();

        // Both are accepted by the spool (InfluxDB refuses the unfixed one later). Untracked: sequence 10 of source s
        // was seen before, yet the fixed frame is written, not dropped as a duplicate.
        Assert.Equal((2L, 2L, 0L), (result.Letters, result.Written, result.Refused));
        var rows = await influx.QueryAsync(db, "SELECT step, altitude_m FROM descent");
        Assert.Equal([1L, 10, 11], rows.Select(r => r.Values["step"].GetInt64()));
        Assert.Equal(3000.0 - (10 * 0.25), rows[1].Values["altitude_m"].GetDouble());
        Assert.Equal(Frames.StartNs + (10 * 10_000_000L), rows[1].Values["time"].GetInt64());
        // The unfixed one is refused again by InfluxDB after the spool took it: it is a dead letter once more.
        await Eventually.HoldsAsync(() => File.ReadAllLines(path).Length == 3, "the unfixed line dead-lettered again");
        Assert.Contains("twelve", File.ReadAllLines(path)[2], StringComparison.Ordinal);
    }
}
