using System.Runtime.CompilerServices;
using Grpc.Core;
using Telemetry.Client;
using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// Sends a trajectory through <c>IngestService.Stream</c>: frames in batches, a bounded number of batches in flight,
/// every acknowledgement awaited and checked, and, when the server goes away mid-stream, a reconnect that sends the
/// unacknowledged batches again (for up to <see cref="StreamOptions.ReconnectFor"/>).
/// </summary>
/// <param name="invoker">The channel's call invoker.</param>
/// <param name="options">Batch size, batches in flight, pacing, timeouts, API key.</param>
/// <param name="time">Clock that paces <see cref="StreamOptions.Realtime"/> streams and reconnect backoff; acknowledgement timeouts use real time.</param>
internal sealed class TelemetryStreamer(CallInvoker invoker, StreamOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<StreamReport> SendAsync<TSample>(
        IReadOnlyList<TSample> samples, IFrameMapper<TSample> mapper, IProgress<int>? progress, CancellationToken ct)
    {
        options.Validate();
        var tracker = new AckTracker(progress);
        var stream = new ResendingStream<FrameBatch>(
            invoker,
            IngestMethods.Stream,
            new IngestStreamOptions
            {
                MaxInFlight = options.MaxInFlight,
                AckTimeout = options.AckTimeout,
                ReconnectFor = options.ReconnectFor,
                ApiKey = options.ApiKey,
            },
            tracker,
            _time);
        var result = await stream.SendAsync(BatchesAsync(samples, mapper, ct), ct).ConfigureAwait(false);
        return tracker.Report(result);
    }

    private async IAsyncEnumerable<OutgoingBatch<FrameBatch>> BatchesAsync<TSample>(
        IReadOnlyList<TSample> samples, IFrameMapper<TSample> mapper, [EnumeratorCancellation] CancellationToken ct)
    {
        var start = _time.GetTimestamp();
        var t0 = samples.Count > 0 ? mapper.TimeS(samples[0]) : 0;
        ulong batchId = 1;
        var batch = new FrameBatch { BatchId = batchId };
        for (var i = 0; i < samples.Count; i++)
        {
            if (options.Realtime)
            {
                // Frames go out when their simulation time comes, so a batch holds what is due, not a fixed count.
                var wait = TimeSpan.FromSeconds(mapper.TimeS(samples[i]) - t0) - _time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    if (batch.Frames.Count > 0)
                    {
                        yield return Outgoing(batch);
                        batch = new FrameBatch { BatchId = ++batchId };
                    }

                    await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                }
            }

            batch.Frames.Add(mapper.Map(samples[i], (ulong)i + 1));
            if (batch.Frames.Count == options.BatchSize)
            {
                yield return Outgoing(batch);
                batch = new FrameBatch { BatchId = ++batchId };
            }
        }

        if (batch.Frames.Count > 0)
        {
            yield return Outgoing(batch);
        }
    }

    private static OutgoingBatch<FrameBatch> Outgoing(FrameBatch batch) => new(batch.BatchId, batch.Frames.Count, batch);
}
