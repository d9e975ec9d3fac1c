using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using IngestClient = Telemetry.Contracts.V1.IngestService.IngestServiceClient;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// A client that keeps streaming through faults: new batches (up to 8 in flight), a new stream 50 ms after one ends
/// with a status. Records every status it got, and the longest any batch waited for its ack or a status.
/// </summary>
internal sealed class FaultClient(AckLedger ledger, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private TimeSpan _longestWait;

    public AckLedger Ledger { get; } = ledger;

    /// <summary>Which fault the soak injected while this client streamed (-1: none).</summary>
    public int Fault { get; set; } = -1;

    /// <summary>Every status a stream ended with, and when (Stopwatch timestamp).</summary>
    public ConcurrentQueue<(StatusCode Code, string Detail, long At)> Statuses { get; } = new();

    /// <summary>The longest time a batch waited for its ack or for a status.</summary>
    public TimeSpan LongestWait
    {
        get
        {
            lock (_lock)
            {
                return _longestWait;
            }
        }
    }

    /// <summary>
    /// Streams until <paramref name="stop"/> fires (bounded: every stream has a 2 min deadline), each stream on the
    /// client <paramref name="client"/> gives then (a restarted server has a new one).
    /// </summary>
    public async Task RunAsync(Func<IngestClient> client, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var inflight = new ConcurrentDictionary<ulong, long>();
            try
            {
                using var call = client().Stream(deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: CancellationToken.None);
                var reader = Task.Run(async () =>
                {
                    await foreach (var ack in call.ResponseStream.ReadAllAsync())
                    {
                        if (inflight.TryRemove(ack.BatchId, out var sent))
                        {
                            var waited = Stopwatch.GetElapsedTime(sent);
                            Observe(waited);
                            Ledger.RecordAck(ack, waited);
                        }
                    }
                });
                while (!stop.IsCancellationRequested && !reader.IsCompleted)
                {
                    while (inflight.Count >= 8 && !reader.IsCompleted)
                    {
                        await Task.Delay(1, CancellationToken.None);
                    }
                    if (reader.IsCompleted)
                    {
                        break;
                    }
                    var batch = Ledger.NextBatch();
                    inflight[batch.BatchId] = Stopwatch.GetTimestamp();
                    try
                    {
                        await call.RequestStream.WriteAsync(batch, CancellationToken.None);
                    }
                    catch (InvalidOperationException)
                    {
                        break; // the server ended the call: its status comes from the reader
                    }
                    await Task.Delay(interval, CancellationToken.None);
                }
                if (!reader.IsCompleted)
                {
                    try
                    {
                        await call.RequestStream.CompleteAsync();
                    }
                    catch (InvalidOperationException)
                    {
                        // Ended meanwhile.
                    }
                }
                await reader;
            }
            catch (RpcException e)
            {
                Statuses.Enqueue((e.StatusCode, e.Status.Detail, Stopwatch.GetTimestamp()));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // The channel of a server since restarted, or a connection torn down under the call.
            }
            foreach (var sent in inflight.Values)
            {
                Observe(Stopwatch.GetElapsedTime(sent));
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private void Observe(TimeSpan waited)
    {
        lock (_lock)
        {
            if (waited > _longestWait)
            {
                _longestWait = waited;
            }
        }
    }
}
