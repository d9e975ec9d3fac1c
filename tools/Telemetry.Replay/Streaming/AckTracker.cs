using System.Collections.Concurrent;
using Grpc.Core;
using Telemetry.Client;
using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>
/// What the server said about a replay's batches: frames written, frames it had already stored (duplicates), sender restarts, rejected frames (by sequence number), refused
/// batches, and the reconnects it took. Fed by the <see cref="ResendingStream{TBatch}"/> from its sender and reader.
/// </summary>
internal sealed class AckTracker(IProgress<int>? progress) : IIngestStreamObserver<FrameBatch>
{
    private readonly ConcurrentQueue<RejectedFrame> _rejections = new();
    private readonly ConcurrentQueue<RefusedBatch> _refused = new();
    private readonly ConcurrentQueue<string> _reconnects = new();
    private long _written;
    private long _duplicates;
    private long _resets;

    public void OnAcknowledged(in OutgoingBatch<FrameBatch> batch, BatchAck ack, TimeSpan latency)
    {
        Interlocked.Add(ref _written, ack.WrittenCount);
        Interlocked.Add(ref _duplicates, ack.DuplicateCount);
        Interlocked.Add(ref _resets, ack.ResetCount);
        if (!ack.Accepted)
        {
            _refused.Enqueue(new RefusedBatch(ack.BatchId, ack.Error));
        }

        var firstSequence = batch.Message.Frames[0].Sequence;
        foreach (var rejection in ack.Rejections)
        {
            _rejections.Enqueue(new RejectedFrame(ack.BatchId, firstSequence + rejection.Index, rejection.Code, rejection.Reason));
        }

        progress?.Report(batch.Frames);
    }

    public void OnUnexpectedAck(BatchAck ack) =>
        _refused.Enqueue(new RefusedBatch(ack.BatchId, "acknowledgement for a batch that was not sent or was already acknowledged"));

    public void OnReconnecting(Status status) => _reconnects.Enqueue($"{status.StatusCode}: {status.Detail}");

    public void OnResent(in OutgoingBatch<FrameBatch> batch)
    {
    }

    public StreamReport Report(IngestStreamResult result) => new(
        (int)result.FramesSent, (int)result.BatchesSent, (int)result.BatchesAcknowledged, Interlocked.Read(ref _written),
        [.. _rejections.OrderBy(r => r.Sequence)], [.. _refused.OrderBy(r => r.BatchId)], result.Failure)
    {
        Reconnects = [.. _reconnects],
        FramesResent = result.FramesResent,
        FramesDuplicate = Interlocked.Read(ref _duplicates),
        SequenceResets = Interlocked.Read(ref _resets),
    };
}
