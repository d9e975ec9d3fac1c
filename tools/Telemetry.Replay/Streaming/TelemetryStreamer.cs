using System.Runtime.CompilerServices;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// Sends a trajectory through <c>IngestService.Stream</c>: frames in batches, a bounded number of batches in flight,
/// and every acknowledgement awaited and checked.
/// </summary>
/// <param name="client">The ingest service client.</param>
/// <param name="options">Batch size, batches in flight, pacing, acknowledgement timeout.</param>
/// <param name="time">Clock that paces <see cref="StreamOptions.Realtime"/> streams; acknowledgement timeouts use real time.</param>
internal sealed class TelemetryStreamer(IngestService.IngestServiceClient client, StreamOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<StreamReport> SendAsync<TSample>(
        IReadOnlyList<TSample> samples, IFrameMapper<TSample> mapper, IProgress<int>? progress, CancellationToken ct)
    {
        options.Validate();
        var state = new AckTracker(options.MaxInFlight);
        using var call = client.Stream(cancellationToken: ct);
        var reader = state.ReadAcksAsync(call.ResponseStream, progress, ct);
        int batchesSent = 0, framesSent = 0;
        try
        {
            await foreach (var batch in BatchesAsync(samples, mapper, ct).ConfigureAwait(false))
            {
                // The reader ending early (server closed the stream or failed) must not leave us waiting for a slot.
                var slot = state.WaitForSlotAsync(ct);
                if (await Task.WhenAny(slot, reader).WaitAsync(options.AckTimeout, ct).ConfigureAwait(false) == reader)
                {
                    await reader.ConfigureAwait(false);
                    return state.Report(framesSent, batchesSent, "the server closed the stream before every batch was sent");
                }

                state.Expect(batch);
                await call.RequestStream.WriteAsync(batch, ct).ConfigureAwait(false);
                batchesSent++;
                framesSent += batch.Frames.Count;
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            await reader.WaitAsync(options.AckTimeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return state.Report(
                framesSent, batchesSent, $"no acknowledgement within {options.AckTimeout.TotalSeconds:0.###} s; {state.Pending} batch(es) unacknowledged");
        }
        catch (RpcException ex)
        {
            return state.Report(framesSent, batchesSent, $"the stream failed: {ex.Status.StatusCode}: {ex.Status.Detail}");
        }
        catch (IOException ex)
        {
            return state.Report(framesSent, batchesSent, $"the stream failed: {ex.Message}");
        }

        var missing = state.Pending;
        return state.Report(
            framesSent, batchesSent, missing == 0 ? null : $"the server closed the stream with {missing} batch(es) unacknowledged");
    }

    private async IAsyncEnumerable<FrameBatch> BatchesAsync<TSample>(
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
                        yield return batch;
                        batch = new FrameBatch { BatchId = ++batchId };
                    }

                    await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                }
            }

            batch.Frames.Add(mapper.Map(samples[i], (ulong)i + 1));
            if (batch.Frames.Count == options.BatchSize)
            {
                yield return batch;
                batch = new FrameBatch { BatchId = ++batchId };
            }
        }

        if (batch.Frames.Count > 0)
        {
            yield return batch;
        }
    }
}
