using Grpc.Core;
using Telemetry.Client;
using Telemetry.Contracts.V1;

namespace Telemetry.Server.Tests;

/// <summary>Records every ack of a <see cref="ResendingStream{TBatch}"/> in an <see cref="AckLedger"/> and counts reconnects.</summary>
internal sealed class LedgerObserver(AckLedger ledger) : IIngestStreamObserver<FrameBatch>
{
    private int _reconnects;
    private int _unexpected;

    public int Reconnects => Volatile.Read(ref _reconnects);

    public int UnexpectedAcks => Volatile.Read(ref _unexpected);

    public void OnAcknowledged(in OutgoingBatch<FrameBatch> batch, BatchAck ack, TimeSpan latency) => ledger.RecordAck(ack, latency);

    public void OnUnexpectedAck(BatchAck ack) => Interlocked.Increment(ref _unexpected);

    public void OnReconnecting(Status status) => Interlocked.Increment(ref _reconnects);

    public void OnResent(in OutgoingBatch<FrameBatch> batch)
    {
    }
}
