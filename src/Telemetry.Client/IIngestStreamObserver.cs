using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Client;

/// <summary>
/// What a <see cref="ResendingStream{TBatch}"/> tells its owner as it goes. Called from the sender and from the
/// acknowledgement reader, possibly concurrently: implementations must be thread-safe.
/// </summary>
/// <typeparam name="TBatch">The request message type.</typeparam>
public interface IIngestStreamObserver<TBatch>
    where TBatch : class
{
    /// <summary>A batch was acknowledged (accepted or not); <paramref name="latency"/> is from its last send to the ack.</summary>
    void OnAcknowledged(in OutgoingBatch<TBatch> batch, BatchAck ack, TimeSpan latency);

    /// <summary>An acknowledgement named a batch that is not in flight (never sent, or acknowledged already).</summary>
    void OnUnexpectedAck(BatchAck ack);

    /// <summary>The call failed with <paramref name="status"/> and the stream is about to reconnect.</summary>
    void OnReconnecting(Status status);

    /// <summary>An unacknowledged batch was sent again on a new call.</summary>
    void OnResent(in OutgoingBatch<TBatch> batch);
}
