using System.Collections.Concurrent;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// The acknowledgement side of a stream: bounds the batches in flight, matches each ack to its batch, and collects
/// rejected frames (by sequence number) and refused batches.
/// </summary>
internal sealed class AckTracker(int maxInFlight)
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
