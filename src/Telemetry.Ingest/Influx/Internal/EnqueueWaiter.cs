using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>A batch waiting for room under the sink's byte bound; completes when admitted, cancelled or failed.</summary>
internal sealed class EnqueueWaiter(LineBatch batch, WriteQueue queue) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public LineBatch Batch { get; } = batch;

    public WriteQueue Queue { get; } = queue;

    /// <summary>True once admitted, cancelled or failed; set under the queue's lock.</summary>
    public bool Done { get; set; }

    public CancellationTokenRegistration Registration { get; set; }
}
