using System.Runtime.CompilerServices;
using Grpc.Net.Client;
using Telemetry.Client;
using Telemetry.Contracts.V1;

namespace Telemetry.Server.Tests.LoadBalancer;

/// <summary>
/// One source streaming numbered batches through nginx with the clients' shared <see cref="ResendingStream{TBatch}"/>
/// over a channel of its own, every batch and ack recorded in <see cref="Ledger"/>.
/// </summary>
internal sealed class BalancedClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string _key;
    private readonly int _batches;

    public BalancedClient(LoadBalancedCluster cluster, string source, int batches, int framesPerBatch = 100)
    {
        _channel = cluster.NewChannel();
        _key = cluster.Key;
        _batches = batches;
        Ledger = new AckLedger(source, framesPerBatch);
        Observer = new LedgerObserver(Ledger);
    }

    public AckLedger Ledger { get; }

    public LedgerObserver Observer { get; }

    /// <summary>Sends every batch, paced so that a fault injected after the first acks lands mid-stream.</summary>
    public Task<IngestStreamResult> SendAsync(CancellationToken stop)
    {
        var options = new IngestStreamOptions
        {
            MaxInFlight = 16,
            AckTimeout = TimeSpan.FromSeconds(20),
            ReconnectFor = TimeSpan.FromSeconds(20),
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromSeconds(1),
            ApiKey = _key,
        };
        var stream = new ResendingStream<FrameBatch>(_channel.CreateCallInvoker(), IngestMethods.Stream, options, Observer);
        return stream.SendAsync(BatchesAsync(stop), stop);
    }

    public void Dispose() => _channel.Dispose();

    private async IAsyncEnumerable<OutgoingBatch<FrameBatch>> BatchesAsync([EnumeratorCancellation] CancellationToken stop)
    {
        for (var i = 0; i < _batches; i++)
        {
            await Task.Delay(5, stop);
            var batch = Ledger.NextBatch();
            yield return new OutgoingBatch<FrameBatch>(batch.BatchId, batch.Frames.Count, batch);
        }
    }
}
