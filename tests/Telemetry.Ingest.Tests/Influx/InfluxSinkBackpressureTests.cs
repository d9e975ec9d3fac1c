using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>Callers waiting for room while writing is paused (401 from a fake server).</summary>
public sealed class InfluxSinkBackpressureTests
{
    private const long Bound = 1024 * 1024;

    [Fact]
    public async Task EnqueueAsync_CancelledWhileWaitingForRoom_ThrowsAndFailsOnlyThatBatch()
    {
        var authorized = false;
        await using var server = new FakeInfluxServer((_, _) => Volatile.Read(ref authorized) ? FakeReply.NoContent : new FakeReply(401, "unauthorized"));
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => (o.MaxPendingBytes, o.BatchLines) = (Bound, 15_000));
        var (first, second, third) = (LargeBatch(0), LargeBatch(1), TestLines.Batch("m v=1 1"));
        await SinkBuilder.StartAndEnqueueAsync(sink, first);
        using var cancel = new CancellationTokenSource();

        var waiting = sink.EnqueueAsync(second, cancel.Token).AsTask();
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.Written);
        await sink.EnqueueAsync(third, default).AsTask().WaitAsync(Eventually.Timeout);
        Volatile.Write(ref authorized, true);
        await sink.DrainAsync(SinkBuilder.Deadline());

        Assert.All(await TestLines.AllWritten([first, third]), Assert.Empty);
        Assert.Equal(first.LineCount + 1, sink.Stats.WrittenLines);
    }

    [Fact]
    public async Task DrainAsync_CallerWaitingForRoom_IsStillAdmittedAndWritten()
    {
        var authorized = false;
        await using var server = new FakeInfluxServer((_, _) => Volatile.Read(ref authorized) ? FakeReply.NoContent : new FakeReply(401, "unauthorized"));
        await using var sink = SinkBuilder.Create(server.BaseAddress, o => (o.MaxPendingBytes, o.BatchLines) = (Bound, 15_000));
        var (first, second) = (LargeBatch(0), LargeBatch(1));
        await SinkBuilder.StartAndEnqueueAsync(sink, first);
        var waiting = sink.EnqueueAsync(second, default).AsTask();
        await Eventually.HoldsAsync(() => sink.Stats.PausedReason is not null, "writing paused");

        var drain = sink.DrainAsync(SinkBuilder.Deadline());
        await Assert.ThrowsAsync<SinkClosedException>(() => sink.EnqueueAsync(TestLines.Batch("m v=1 1"), default).AsTask());
        Assert.False(waiting.IsCompleted);
        Volatile.Write(ref authorized, true);

        await drain;
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.All(await TestLines.AllWritten([first, second]), Assert.Empty);
        Assert.Equal(2L * first.LineCount, sink.Stats.WrittenLines);
    }

    /// <summary>15,000 lines, about 0.65 MiB: one fits under the bound, two do not.</summary>
    private static LineBatch LargeBatch(int index)
    {
        var batch = TestLines.Batch(TestLines.Points("m", index * 15_000, 15_000));
        Assert.InRange(batch.Lines.Length, Bound / 2 + 1, Bound - 1);
        return batch;
    }
}
