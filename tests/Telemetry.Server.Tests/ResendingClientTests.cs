using System.Runtime.CompilerServices;
using Grpc.Net.Client;
using Telemetry.Client;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>
/// The clients' shared <see cref="ResendingStream{TBatch}"/> (the load generator and the replay streamer use it)
/// against the real server process killed with SIGKILL mid-stream and started again: the stream reconnects, sends the
/// unacknowledged batches again, and ends with every frame stored exactly once by key.
/// </summary>
public sealed class ResendingClientTests
{
    private const int Batches = 300;

    [Fact]
    public async Task SendAsync_ServerKilledAndRestartedMidStream_ReconnectsResendsAndEveryFrameIsStored()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-resend-spool");
        using var client = new InfluxClient(influx.BaseAddress);
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "resend", spool.Path);
        var ledger = new AckLedger("resend/1", framesPerBatch: 100);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var observer = new LedgerObserver(ledger);
        var stream = new ResendingStream<FrameBatch>(
            channel.CreateCallInvoker(), IngestMethods.Stream, new IngestStreamOptions { MaxInFlight = 16, ReconnectFor = TimeSpan.FromSeconds(60) }, observer);

        var sending = stream.SendAsync(BatchesAsync(ledger, CancellationToken.None), CancellationToken.None);
        await Eventually.HoldsAsync(() => ledger.AckedCount >= 40, "40 acks before the kill");
        await server.KillAsync();
        await Task.Delay(500);
        await server.RestartAsync();
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Null(result.Failure);
        Assert.Equal((Batches, Batches * 100L, Batches, 0), (result.BatchesSent, result.FramesSent, result.BatchesAcknowledged, result.Unacknowledged));
        Assert.InRange(result.Reconnects, 1, 20);
        Assert.Equal(result.Reconnects, observer.Reconnects);
        Assert.Equal(0, observer.UnexpectedAcks);
        Assert.Equal(Batches, ledger.AckedCount);
        // Every frame acknowledged, so InfluxDB must hold all 30,000 by sequence, each with exactly its own values.
        await ledger.AssertStoredAsync(client, "resend");
    }

    private static async IAsyncEnumerable<OutgoingBatch<FrameBatch>> BatchesAsync(AckLedger ledger, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < Batches; i++)
        {
            // Paced so that the kill lands mid-stream rather than after the last batch.
            await Task.Delay(5, ct);
            var batch = ledger.NextBatch();
            yield return new OutgoingBatch<FrameBatch>(batch.BatchId, batch.Frames.Count, batch);
        }
    }
}
