using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Guidance;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// Sends a trajectory through <c>Ingest.Stream</c>: frames in batches, a bounded number of batches in flight,
/// and every acknowledgement awaited and checked.
/// </summary>
internal sealed class TelemetryStreamer(Ingest.IngestClient client, StreamOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<StreamReport> SendAsync(
        IReadOnlyList<TrajectorySample> samples, FrameMapper mapper, IProgress<int>? progress, CancellationToken ct)
    {
        options.Validate();
        var state = new AckState(options.MaxInFlight);
        using var call = client.Stream(cancellationToken: ct);
        var reader = state.ReadAcksAsync(call.ResponseStream, progress, ct);
        int batchesSent = 0, framesSent = 0;
        try
        {
            await foreach (var batch in BatchesAsync(samples, mapper, ct).ConfigureAwait(false))
            {
                // The reader ending early (server closed the stream or failed) must not leave us waiting for a slot.
                var slot = state.WaitForSlotAsync(ct);
                if (await Task.WhenAny(slot, reader).WaitAsync(options.AckTimeout, _time, ct).ConfigureAwait(false) == reader)
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
            await reader.WaitAsync(options.AckTimeout, _time, ct).ConfigureAwait(false);
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

    private async IAsyncEnumerable<FrameBatch> BatchesAsync(
        IReadOnlyList<TrajectorySample> samples, FrameMapper mapper, [EnumeratorCancellation] CancellationToken ct)
    {
        var start = _time.GetTimestamp();
        var t0 = samples.Count > 0 ? samples[0].TimeS : 0;
        ulong batchId = 1;
        var batch = new FrameBatch { BatchId = batchId };
        for (var i = 0; i < samples.Count; i++)
        {
            if (options.Realtime)
            {
                // Frames go out when their simulation time comes, so a batch holds what is due, not a fixed count.
                var wait = TimeSpan.FromSeconds(samples[i].TimeS - t0) - _time.GetElapsedTime(start);
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

    private sealed class AckState(int maxInFlight)
    {
        private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
        private readonly ConcurrentDictionary<ulong, (ulong FirstSequence, int Count)> _inFlight = new();
        private readonly ConcurrentQueue<RejectedFrame> _rejections = new();
        private readonly ConcurrentQueue<RefusedBatch> _refused = new();
        private long _written;
        private int _acknowledged;

        public int Pending => _inFlight.Count;

        public Task WaitForSlotAsync(CancellationToken ct) => _slots.WaitAsync(ct);

        public void Expect(FrameBatch batch) => _inFlight[batch.BatchId] = (batch.Frames[0].Sequence, batch.Frames.Count);

        public async Task ReadAcksAsync(IAsyncStreamReader<BatchAck> acks, IProgress<int>? progress, CancellationToken ct)
        {
            while (await acks.MoveNext(ct).ConfigureAwait(false))
            {
                var ack = acks.Current;
                if (!_inFlight.TryRemove(ack.BatchId, out var sent))
                {
                    _refused.Enqueue(new RefusedBatch(ack.BatchId, "acknowledgement for a batch that was not sent or was already acknowledged"));
                    continue;
                }

                Interlocked.Increment(ref _acknowledged);
                Interlocked.Add(ref _written, ack.WrittenCount);
                if (!ack.Accepted)
                {
                    _refused.Enqueue(new RefusedBatch(ack.BatchId, ack.Error));
                }

                foreach (var rejection in ack.Rejections)
                {
                    _rejections.Enqueue(new RejectedFrame(ack.BatchId, sent.FirstSequence + rejection.Index, rejection.Code, rejection.Reason));
                }

                progress?.Report(sent.Count);
                _slots.Release();
            }
        }

        public StreamReport Report(int framesSent, int batchesSent, string? failure) => new(
            framesSent, batchesSent, _acknowledged, Interlocked.Read(ref _written),
            [.. _rejections.OrderBy(r => r.Sequence)], [.. _refused.OrderBy(r => r.BatchId)], failure);
    }
}
