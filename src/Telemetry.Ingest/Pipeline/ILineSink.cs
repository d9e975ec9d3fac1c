using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Pipeline;

/// <summary>Where encoded line batches go: InfluxDB in production, a null sink for throughput ceilings.</summary>
public interface ILineSink
{
    /// <summary>What a completed <see cref="LineBatch.Written"/> stands for, as reported in the batch's ack.</summary>
    AckDurability Durability { get; }

    /// <summary>
    /// Accepts <paramref name="batch"/> for writing. Completes once the sink has room for it: awaiting this is the
    /// pipeline's backpressure. The outcome arrives later through <see cref="LineBatch.Written"/>.
    /// </summary>
    ValueTask EnqueueAsync(LineBatch batch, CancellationToken cancellationToken);
}
