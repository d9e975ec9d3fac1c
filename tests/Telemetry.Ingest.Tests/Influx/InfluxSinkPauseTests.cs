using System.Text;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>The sink against the real influxd when the database is missing: pause, backpressure, recovery.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxSinkPauseTests(InfluxFixture influx)
{
    [Fact]
    public async Task EnqueueAsync_DatabaseMissingWithoutCreate_PausesThenWritesEverythingOnceCreated()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_DatabaseMissingWithoutCreate_PausesThenWritesEverythingOnceCreated));
        var logger = new ListLogger<InfluxSink>();
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o =>
            (o.Database, o.CreateDatabase, o.BatchLines, o.Writers, o.AuthRetryInterval) = (db, false, 100, 2, TimeSpan.FromMilliseconds(500)), logger);
        LineBatch[] batches = [.. Enumerable.Range(0, 6).Select(i => TestLines.Batch(TestLines.Points("m", i * 100, 100)))];

        await SinkBuilder.StartAndEnqueueAsync(sink, batches);
        await Eventually.HoldsAsync(() => sink.Stats.PausedReason is not null, "writing paused");

        Assert.Equal($"HTTP 404: database not found: \"{db}\"", sink.Stats.PausedReason);
        Assert.All(batches, b => Assert.False(b.Written.IsCompleted));
        Assert.Equal((600L, 0L, 0L), (sink.Stats.PendingLines, sink.Stats.WrittenLines, sink.Stats.DroppedLines));

        await influx.CreateDatabaseAsync(db);

        Assert.All(await TestLines.AllWritten(batches), Assert.Empty);
        Assert.Equal(600, await influx.CountAsync(db, "m", "seq"));
        Assert.Null(sink.Stats.PausedReason);
        Assert.Equal(1, logger.Count(5103));
    }

    [Fact]
    public async Task StartAsync_CreateDatabaseEnabled_CreatesTheDatabaseAndWrites()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(StartAsync_CreateDatabaseEnabled_CreatesTheDatabaseAndWrites));
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => o.Database = db);

        await sink.StartAsync(SinkBuilder.Deadline());

        var databases = await influx.QueryAsync(db, "SHOW DATABASES");
        Assert.Contains(db, databases.Select(r => r.Values["name"].GetString()));
        var batch = TestLines.Batch(TestLines.Points("m", 0, 2));
        await sink.EnqueueAsync(batch, default);
        await sink.DrainAsync(SinkBuilder.Deadline());
        Assert.Empty(await batch.Written);
        Assert.Equal(2, await influx.CountAsync(db, "m", "seq"));
        Assert.Equal(0, sink.Stats.Retries);
    }

    [Fact]
    public async Task EnqueueAsync_DatabaseDroppedWithCreateEnabled_RecreatesItAndWritesEverything()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_DatabaseDroppedWithCreateEnabled_RecreatesItAndWritesEverything));
        var logger = new ListLogger<InfluxSink>();
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => o.Database = db, logger);
        var batch = TestLines.Batch(TestLines.Points("m", 0, 5));
        await sink.StartAsync(SinkBuilder.Deadline());
        await influx.DropDatabaseAsync(db);

        await sink.EnqueueAsync(batch, default);
        await sink.DrainAsync(SinkBuilder.Deadline());

        Assert.Empty(await batch.Written);
        Assert.Equal(5, await influx.CountAsync(db, "m", "seq"));
        Assert.Equal(1, logger.Count(5103)); // paused once by the 404
        Assert.Equal(2, logger.Count(5101)); // created at start, then again after the 404
    }

    [Fact]
    public async Task EnqueueAsync_PendingBytesAboveBound_WaitsUntilInfluxAcceptsAgain()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(EnqueueAsync_PendingBytesAboveBound_WaitsUntilInfluxAcceptsAgain));
        const long Bound = 1024 * 1024;
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o =>
            (o.Database, o.CreateDatabase, o.MaxPendingBytes, o.BatchLines, o.Writers) = (db, false, Bound, 1000, 2));
        var padding = new string('x', 270);
        // Four batches of 1,000 lines of about 300 bytes: three fit under 1 MiB, the fourth does not.
        LineBatch[] batches = [.. Enumerable.Range(0, 4).Select(b => TestLines.Batch(
            [.. Enumerable.Range(b * 1000, 1000).Select(i => $"big,src=s n={i}i,pad=\"{padding}\" {1_000_000_000L + i}")]))];
        Assert.InRange(batches[0].Lines.Length * 3L, Bound / 2, Bound);
        Assert.True(batches[0].Lines.Length * 4L > Bound);

        await sink.StartAsync(SinkBuilder.Deadline());
        var enqueued = batches.Select(b => sink.EnqueueAsync(b, default).AsTask()).ToArray();
        await Eventually.HoldsAsync(() => sink.Stats.PausedReason is not null, "writing paused");

        Assert.All(enqueued[..3], e => Assert.True(e.IsCompletedSuccessfully));
        Assert.False(enqueued[3].IsCompleted);
        Assert.Equal(batches[..3].Sum(b => (long)b.Lines.Length), sink.Stats.PendingBytes);

        await influx.CreateDatabaseAsync(db);

        await enqueued[3].WaitAsync(Eventually.Timeout);
        Assert.All(await TestLines.AllWritten(batches), Assert.Empty);
        Assert.Equal(4000, await influx.CountAsync(db, "big", "n"));
        Assert.Equal(0, sink.Stats.PendingBytes);
    }

    [Fact]
    public async Task DrainAsync_CancelledWhilePaused_FailsUnwrittenBatchesAndDropsNothing()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(DrainAsync_CancelledWhilePaused_FailsUnwrittenBatchesAndDropsNothing));
        await using var sink = SinkBuilder.Create(influx.BaseAddress, o => (o.Database, o.CreateDatabase, o.BatchLines) = (db, false, 10));
        LineBatch[] batches = [.. Enumerable.Range(0, 3).Select(i => TestLines.Batch(TestLines.Points("m", i * 10, 10)))];
        await SinkBuilder.StartAndEnqueueAsync(sink, batches);
        await Eventually.HoldsAsync(() => sink.Stats.PausedReason is not null, "writing paused");
        using var cancel = new CancellationTokenSource();

        var drain = sink.DrainAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);
        foreach (var batch in batches)
        {
            await Assert.ThrowsAsync<SinkClosedException>(() => batch.Written);
        }
        Assert.Equal((0L, 0L), (sink.Stats.WrittenLines, sink.Stats.DroppedLines));
        await Assert.ThrowsAsync<SinkClosedException>(() => sink.EnqueueAsync(TestLines.Batch("m v=1 1"), default).AsTask());
    }
}
