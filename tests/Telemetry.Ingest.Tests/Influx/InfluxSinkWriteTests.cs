using System.Text.Json;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>The sink writing to the real influxd: what lands, and what InfluxDB refuses.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxSinkWriteTests(InfluxFixture influx)
{
    [Fact]
    public async Task EnqueueAsync_TwentyBatches_EveryLineStoredWithItsValues()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_TwentyBatches_EveryLineStoredWithItsValues));
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => (o.Database, o.BatchLines, o.Writers) = (db, 1000, 2));
        LineBatch[] batches = [.. Enumerable.Range(0, 20).Select(i => TestLines.Batch(TestLines.Points("cpu", i * 250, 250)))];

        var drops = await SinkBuilder.WriteAllAsync(sink, batches);

        Assert.All(drops, Assert.Empty);
        Assert.Equal(5000, await influx.CountAsync(db, "cpu", "seq"));
        var rows = await influx.QueryAsync(db, "SELECT seq, load FROM cpu GROUP BY host");
        Assert.Equal(
            Enumerable.Range(0, 5000).Select(i => ($"h{i % 3}", 1_000_000_000L + i, (long)i, i / 4.0)).OrderBy(r => r.Item1).ThenBy(r => r.Item2),
            rows.Select(r => (r.Tags["host"], r.Values["time"].GetInt64(), r.Values["seq"].GetInt64(), r.Values["load"].GetDouble())));
        Assert.Equal((5000L, 0L, 0L, 0L), (sink.Stats.WrittenLines, sink.Stats.DroppedLines, sink.Stats.PendingLines, sink.Stats.PendingBytes));
    }

    [Fact]
    public async Task EnqueueAsync_FieldTypeConflict_DropsExactlyTheConflictingLinesWithInfluxReason()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_FieldTypeConflict_DropsExactlyTheConflictingLinesWithInfluxReason));
        await influx.CreateDatabaseAsync(db);
        await influx.WriteLinesAsync(db, "m v=0.5 1\n");
        var deadLetters = Path.Combine(Path.GetTempPath(), db + ".deadletter.jsonl");
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => (o.Database, o.DeadLetterPath) = (db, deadLetters));
        var first = TestLines.Batch([.. Enumerable.Range(0, 10).Select(i => i is 3 or 7 ? $"m v={i}i {100 + i}" : $"m v={i}.5 {100 + i}")]);
        var second = TestLines.Batch("m v=\"text\" 200", "m v=1.25 201", "m v=2.25 202", "m v=3.25 203", "m v=4.25 204");

        var drops = await SinkBuilder.WriteAllAsync(sink, first, second);

        const string IntegerConflict = "partial write: field type conflict: input field \"v\" on measurement \"m\" is type integer, already exists as type float dropped=1";
        Assert.Equal([new LineDrop(3, IntegerConflict), new LineDrop(7, IntegerConflict)], drops[0]);
        Assert.Equal([new LineDrop(0, "partial write: field type conflict: input field \"v\" on measurement \"m\" is type string, already exists as type float dropped=1")],
            drops[1]);
        var stored = await influx.QueryAsync(db, "SELECT v FROM m");
        Assert.Equal([1L, 100, 101, 102, 104, 105, 106, 108, 109, 201, 202, 203, 204], stored.Select(r => r.Values["time"].GetInt64()));
        Assert.Equal((12L, 3L), (sink.Stats.WrittenLines, sink.Stats.DroppedLines));
        await sink.DisposeAsync();
        var letters = File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        File.Delete(deadLetters);
        Assert.Equal([(3, "m v=3i 103"), (7, "m v=7i 107"), (0, "m v=\"text\" 200")],
            letters.Select(l => (l.GetProperty("lineIndex").GetInt32(), l.GetProperty("line").GetString())));
        Assert.Equal([IntegerConflict, IntegerConflict], letters.Take(2).Select(l => l.GetProperty("reason").GetString()));
        Assert.All(letters, l => Assert.Equal(db, l.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task EnqueueAsync_UnparsableLines_DropsThemWithInfluxParseReason()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_UnparsableLines_DropsThemWithInfluxParseReason));
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => o.Database = db);
        var batch = TestLines.Batch("m v=1 1", "m v=2 2", "bad line", "m v=4 4", "m v=1 v=1 5", "m v=6 6");

        var drops = await SinkBuilder.WriteAllAsync(sink, batch);

        Assert.Equal(
            [new LineDrop(2, "unable to parse 'bad line': invalid field format"), new LineDrop(4, "unable to parse 'm v=1 v=1 5': bad timestamp")],
            drops[0]);
        Assert.Equal(4, await influx.CountAsync(db, "m", "v"));
    }

    [Fact]
    public async Task DrainAsync_PartialBatch_WritesItWithoutWaitingForAge()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(DrainAsync_PartialBatch_WritesItWithoutWaitingForAge));
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => (o.Database, o.FlushInterval) = (db, TimeSpan.FromHours(1)));
        var batch = TestLines.Batch(TestLines.Points("m", 0, 3));

        await SinkBuilder.StartAndEnqueueAsync(sink, batch);
        await sink.DrainAsync(SinkBuilder.Deadline());

        Assert.True(batch.Written.IsCompletedSuccessfully);
        Assert.Equal(3, await influx.CountAsync(db, "m", "seq"));
    }

    [Fact]
    public async Task EnqueueAsync_PartialBatch_FlushedByAgeWithoutDrain()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_PartialBatch_FlushedByAgeWithoutDrain));
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => (o.Database, o.FlushInterval) = (db, TimeSpan.FromMilliseconds(100)));
        var batch = TestLines.Batch(TestLines.Points("m", 0, 3));

        await SinkBuilder.StartAndEnqueueAsync(sink, batch);

        Assert.Empty(await batch.Written.WaitAsync(Eventually.Timeout));
        Assert.Equal(3, await influx.CountAsync(db, "m", "seq"));
    }
}
