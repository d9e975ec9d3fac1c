using Google.Protobuf;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>
/// The serialized batches of one stream, in order: built as they are sent, or all before the run starts (until
/// <c>stop</c> fires: the time limit counts the preparation too).
/// </summary>
internal sealed class BatchSource
{
    private readonly LoadOptions _options;
    private readonly FrameBatch _batch;
    private readonly long _frames;
    private readonly Queue<(byte[] Bytes, ulong BatchId, int Frames)>? _prepared;
    private long _nextSequence = 1;
    private ulong _nextBatchId = 1;

    public BatchSource(LoadOptions options, string source, long frames, bool prepare, CancellationToken stop)
    {
        _options = options;
        _frames = frames;
        _batch = BatchFactory.Create(options, source);
        if (prepare)
        {
            _prepared = new();
            while (!stop.IsCancellationRequested && TryBuild(out var bytes, out var batchId, out var count))
            {
                _prepared.Enqueue((bytes, batchId, count));
            }
        }
    }

    /// <summary>The next batch: its bytes, id and frame count; false when the stream's share is sent.</summary>
    public bool TryNext(out byte[] bytes, out ulong batchId, out int frames)
    {
        if (_prepared is null)
        {
            return TryBuild(out bytes, out batchId, out frames);
        }
        if (_prepared.TryDequeue(out var next))
        {
            (bytes, batchId, frames) = next;
            return true;
        }
        (bytes, batchId, frames) = ([], 0, 0);
        return false;
    }

    private bool TryBuild(out byte[] bytes, out ulong batchId, out int frames)
    {
        frames = (int)Math.Min(_options.BatchSize, _frames - _nextSequence + 1);
        batchId = _nextBatchId;
        if (frames <= 0)
        {
            bytes = [];
            return false;
        }
        BatchFactory.Refresh(_batch, _nextBatchId++, _nextSequence, frames, _options.StartNs);
        _nextSequence += frames;
        bytes = _batch.ToByteArray();
        return true;
    }
}
