using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Tests.Streaming;

public sealed class TelemetryStreamerTests
{
    private static readonly IReadOnlyList<TrajectorySample> Samples = SyntheticRuns.Descent(samples: 1234).Trajectory;

    [Fact]
    public async Task SendAsync_1234Samples_ThreeBatchesOf500WithSequences1ToNAllAcknowledged()
    {
        var server = new FakeIngestInvoker();

        var report = await SendAsync(server);

        Assert.True(report.Succeeded);
        Assert.Equal([1UL, 2, 3], server.Batches.Select(b => b.BatchId));
        Assert.Equal([500, 500, 234], server.Batches.Select(b => b.Frames.Count));
        Assert.Equal(Enumerable.Range(1, 1234).Select(i => (ulong)i), server.Batches.SelectMany(b => b.Frames).Select(f => f.Sequence));
        Assert.Equal((1234, 3, 3, 1234L), (report.FramesSent, report.BatchesSent, report.BatchesAcknowledged, report.FramesWritten));
        Assert.Null(report.Failure);
    }

    [Fact]
    public async Task SendAsync_ServerRejectsOneFrame_ReportsItsSequenceAndReasonAndFails()
    {
        var server = new FakeIngestInvoker
        {
            Answer = batch =>
            {
                var ack = new BatchAck { BatchId = batch.BatchId, Accepted = true, WrittenCount = (uint)batch.Frames.Count };
                if (batch.BatchId == 2)
                {
                    ack.WrittenCount--;
                    ack.Rejections.Add(new FrameRejection { Index = 7, Code = RejectionCode.NonFinite, Reason = "thrust_n is NaN" });
                }

                return ack;
            },
        };

        var report = await SendAsync(server);

        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejections);
        Assert.Equal(new RejectedFrame(2, 508, RejectionCode.NonFinite, "thrust_n is NaN"), rejected);
        Assert.Equal(1233, report.FramesWritten);
    }

    [Fact]
    public async Task SendAsync_BatchRefused_ReportsTheServersErrorAndFails()
    {
        var server = new FakeIngestInvoker
        {
            Answer = batch => batch.BatchId == 3
                ? new BatchAck { BatchId = 3, Accepted = false, Error = "database unavailable" }
                : new BatchAck { BatchId = batch.BatchId, Accepted = true, WrittenCount = (uint)batch.Frames.Count },
        };

        var report = await SendAsync(server);

        Assert.False(report.Succeeded);
        Assert.Equal([new RefusedBatch(3, "database unavailable")], report.RefusedBatches);
        Assert.Equal(1000, report.FramesWritten);
    }

    [Fact]
    public async Task SendAsync_ServerEndsStreamWithoutAckingABatch_FailureCountsTheMissingAck()
    {
        var server = new FakeIngestInvoker
        {
            Answer = batch => batch.BatchId == 1 ? null : new BatchAck { BatchId = batch.BatchId, Accepted = true, WrittenCount = (uint)batch.Frames.Count },
        };

        var report = await SendAsync(server);

        Assert.False(report.Succeeded);
        Assert.Equal("the server closed the stream with 1 batch(es) unacknowledged", report.Failure);
        Assert.Equal(2, report.BatchesAcknowledged);
    }

    [Fact]
    public async Task SendAsync_CallFails_FailureNamesTheStatus()
    {
        var server = new FakeIngestInvoker { FailWith = new Status(StatusCode.Unavailable, "connection refused") };

        var report = await SendAsync(server, new StreamOptions { ReconnectFor = TimeSpan.Zero });

        Assert.False(report.Succeeded);
        Assert.Equal("the stream failed: Unavailable: connection refused", report.Failure);
        Assert.Equal(0, report.BatchesSent);
    }

    [Fact]
    public async Task SendAsync_CallBreaksWithABatchUnacknowledged_ReconnectsAndSendsItAgainFirst()
    {
        // The first call dies as batch 3 is written: batch 2 was sent but its ack never came, batch 3 was lost on
        // the wire. Both go again, in order, on the second call.
        var held = new List<FrameBatch>();
        var server = new FakeIngestInvoker
        {
            BreakCall = (call, batch) => call == 1 && batch.BatchId == 3,
            Answer = batch =>
            {
                if (batch.BatchId == 2 && held.Count == 0)
                {
                    held.Add(batch);
                    return null;
                }

                return new BatchAck { BatchId = batch.BatchId, Accepted = true, WrittenCount = (uint)batch.Frames.Count };
            },
        };

        var report = await SendAsync(server, new StreamOptions { MaxInFlight = 2 });

        Assert.True(report.Succeeded, report.Failure);
        Assert.Equal(2, server.Calls);
        Assert.Equal([1UL, 2, 2, 3], server.Batches.Select(b => b.BatchId));
        Assert.Equal(["Unavailable: server killed"], report.Reconnects);
        // Batch 2 went out twice; batch 3 never got through on the first call, so its one good send is not a resend.
        Assert.Equal(500, report.FramesResent);
        Assert.Equal((1234, 3, 3, 1234L), (report.FramesSent, report.BatchesSent, report.BatchesAcknowledged, report.FramesWritten));
        Assert.Equal(Enumerable.Range(1, 1234).Select(i => (ulong)i), server.Batches.SelectMany(b => b.Frames).Select(f => f.Sequence).Distinct());
    }

    [Fact]
    public async Task SendAsync_ServerStaysDown_GivesUpAfterReconnectForWithTheLastStatus()
    {
        var clock = new InstantTimeProvider();
        var server = new FakeIngestInvoker { FailWith = new Status(StatusCode.Unavailable, "connection refused") };

        var report = await SendAsync(server, new StreamOptions { ReconnectFor = TimeSpan.FromSeconds(10) }, clock);

        Assert.False(report.Succeeded);
        // Backoff 0.1, 0.2, 0.4, 0.8, 1.6, 3.2 s (6.3 s in all), then 5 s: past 10 s without an ack after 7 reconnects.
        Assert.Equal("the stream failed: Unavailable: connection refused (after 7 reconnects)", report.Failure);
        Assert.Equal(8, server.Calls);
        Assert.Equal(7, report.Reconnects.Count);
    }

    [Fact]
    public async Task SendAsync_Unauthenticated_FailsAtOnceWithoutReconnecting()
    {
        var server = new FakeIngestInvoker { FailWith = new Status(StatusCode.Unauthenticated, "an API key is required") };

        var report = await SendAsync(server);

        Assert.Equal(
            "the stream failed: Unauthenticated: an API key is required (pass an API key with --api-key or $TELEMETRY_API_KEY); " +
            "not retried: sending the same batches again would fail the same way", report.Failure);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task SendAsync_ApiKey_SentAsBearerOnEveryCall()
    {
        var server = new FakeIngestInvoker { BreakCall = (call, batch) => call == 1 && batch.BatchId == 2 };

        var report = await SendAsync(server, new StreamOptions { ApiKey = "tlm_test" });

        Assert.True(report.Succeeded, report.Failure);
        Assert.Equal(2, server.Headers.Count);
        Assert.All(server.Headers, h => Assert.Equal("Bearer tlm_test", h?.GetValue("authorization")));
    }

    [Fact]
    public async Task SendAsync_ServerNeverAcknowledges_FailsAfterTheAckTimeoutWithOneBatchSent()
    {
        var server = new FakeIngestInvoker { Answer = _ => null };

        var report = await SendAsync(server, new StreamOptions { MaxInFlight = 1, AckTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.False(report.Succeeded);
        Assert.Equal("no acknowledgement within 0.2 s; 1 batch(es) unacknowledged", report.Failure);
        Assert.Equal((1, 500), (report.BatchesSent, report.FramesSent));
    }

    [Fact]
    public async Task SendAsync_Realtime_EachFrameLeavesAtItsSimulationTimeInItsOwnBatch()
    {
        var server = new FakeIngestInvoker();
        var clock = new InstantTimeProvider();
        var samples = Samples.Take(25).ToList();

        var report = await SendAsync(server, new StreamOptions { Realtime = true }, clock, samples);

        Assert.True(report.Succeeded);
        Assert.Equal(Enumerable.Repeat(1, 25), server.Batches.Select(b => b.Frames.Count));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (ulong)i), server.Batches.Select(b => b.Frames[0].Sequence));
        // The recorded samples are 0.1 s apart: the sender waited 2.4 s of simulation time in all.
        Assert.Equal(TimeSpan.FromSeconds(samples[^1].TimeS - samples[0].TimeS).TotalMilliseconds, clock.Elapsed.TotalMilliseconds, 6);
    }

    private static Task<StreamReport> SendAsync(
        FakeIngestInvoker server, StreamOptions? options = null, TimeProvider? time = null, IReadOnlyList<TrajectorySample>? samples = null)
    {
        var streamer = new TelemetryStreamer(server, options ?? new StreamOptions(), time);
        var mapper = new FrameMapper("synthetic", 0, StreamOptions.DefaultEpoch);
        return streamer.SendAsync(samples ?? Samples, mapper, progress: null, CancellationToken.None);
    }
}
