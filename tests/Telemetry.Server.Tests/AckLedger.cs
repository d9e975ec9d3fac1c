using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Testing;
using IngestClient = Telemetry.Contracts.V1.IngestService.IngestServiceClient;

namespace Telemetry.Server.Tests;

/// <summary>
/// A fault-test client: streams numbered batches of one source and records which were sent and which acknowledged
/// (and how long each ack took), so the test can compare them with what InfluxDB holds, frame by frame.
/// </summary>
internal sealed class AckLedger(string source, int framesPerBatch)
{
    private readonly ConcurrentDictionary<ulong, long> _sentAt = new();
    private readonly ConcurrentDictionary<ulong, TimeSpan> _acked = new();
    private ulong _nextBatch;

    public string Source { get; } = source;

    public int FramesPerBatch { get; } = framesPerBatch;

    public int AckedCount => _acked.Count;

    public IReadOnlyCollection<ulong> Sent => [.. _sentAt.Keys];

    public IReadOnlyDictionary<ulong, TimeSpan> Acked => _acked;

    /// <summary>The sequences of every acknowledged frame.</summary>
    public HashSet<long> AckedSequences() => [.. _acked.Keys.SelectMany(Sequences)];

    /// <summary>The sequences of every frame sent (acknowledged or not).</summary>
    public HashSet<long> SentSequences() => [.. _sentAt.Keys.SelectMany(Sequences)];

    /// <summary>The next batch of this source, recorded as sent (for a client other than <see cref="StreamAsync"/>).</summary>
    public FrameBatch NextBatch()
    {
        var id = Interlocked.Increment(ref _nextBatch);
        _sentAt[id] = Stopwatch.GetTimestamp();
        return Frames.Batch(id, Source, (id - 1) * (ulong)FramesPerBatch, FramesPerBatch);
    }

    /// <summary>Records an acknowledgement received by a client other than <see cref="StreamAsync"/>.</summary>
    public void RecordAck(BatchAck ack, TimeSpan latency)
    {
        if (ack.Accepted && _sentAt.ContainsKey(ack.BatchId))
        {
            _acked[ack.BatchId] = latency;
        }
    }

    /// <summary>
    /// Streams new batches, one every <paramref name="interval"/> (none: as fast as acks allow up to 16 in flight),
    /// until <paramref name="stopSending"/> fires (then it completes the stream and waits for the last acks) or the
    /// call fails (the server was killed). Never throws for either.
    /// </summary>
    public async Task StreamAsync(IngestClient client, TimeSpan interval, CancellationToken stopSending)
    {
        try
        {
            using var call = client.Stream(deadline: DateTime.UtcNow.AddMinutes(5));
            var reader = Task.Run(async () =>
            {
                await foreach (var ack in call.ResponseStream.ReadAllAsync())
                {
                    if (ack.Accepted && _sentAt.TryGetValue(ack.BatchId, out var at))
                    {
                        _acked[ack.BatchId] = Stopwatch.GetElapsedTime(at);
                    }
                }
            });
            while (!stopSending.IsCancellationRequested && !reader.IsCompleted)
            {
                while (interval == TimeSpan.Zero && _sentAt.Count - _acked.Count >= 16 && !reader.IsCompleted)
                {
                    await Task.Delay(1, CancellationToken.None);
                }
                var id = Interlocked.Increment(ref _nextBatch);
                var batch = Frames.Batch(id, Source, (id - 1) * (ulong)FramesPerBatch, FramesPerBatch);
                _sentAt[id] = Stopwatch.GetTimestamp();
                await call.RequestStream.WriteAsync(batch, CancellationToken.None);
                if (interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, CancellationToken.None);
                }
            }
            await call.RequestStream.CompleteAsync();
            await reader;
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The server went away or the test stopped the stream: what was acknowledged is recorded.
        }
    }

    /// <summary>
    /// Waits until InfluxDB holds every acknowledged frame, then checks each stored frame by its key: its sequence was
    /// sent, and its time and values are exactly the ones sent with it (so a swap or a stale value fails).
    /// </summary>
    public async Task AssertStoredAsync(InfluxClient influx, string database)
    {
        var acked = AckedSequences();
        Dictionary<long, InfluxRow> stored = [];
        await Eventually.HoldsAsync(async () =>
        {
            stored = await QueryAsync(influx, database);
            return acked.IsSubsetOf(stored.Keys);
        }, () => $"{acked.Except(stored.Keys).Count()} of {acked.Count} acknowledged frames of {Source} missing from InfluxDB");
        var sent = SentSequences();
        Assert.Subset(sent, stored.Keys.ToHashSet());
        foreach (var (sequence, row) in stored)
        {
            Assert.Equal(Frames.StartNs + (sequence * 10_000_000), row.Values["time"].GetInt64());
            Assert.Equal(3000.0 - (sequence * 0.25), row.Values["altitude_m"].GetDouble());
            Assert.Equal(sequence % 2 == 0, row.Values["lrf_valid"].GetBoolean());
            Assert.Equal("vertical hold", row.Values["phase"].GetString());
        }
    }

    /// <summary>Acknowledged frames, frames stored (acknowledged or not) and acknowledged frames missing, as InfluxDB holds them now.</summary>
    public async Task<(int Acked, int Stored, int Missing)> CountAsync(InfluxClient influx, string database)
    {
        var acked = AckedSequences();
        var stored = (await QueryAsync(influx, database)).Keys.ToHashSet();
        return (acked.Count, stored.Count, acked.Count(s => !stored.Contains(s)));
    }

    private async Task<Dictionary<long, InfluxRow>> QueryAsync(InfluxClient influx, string database)
    {
        var rows = await influx.QueryAsync(database, $"SELECT * FROM descent WHERE \"source\" = '{Source}'");
        // Every frame sent has a step; a point without one was seen once on a loaded machine: name it if it recurs.
        if (rows.FirstOrDefault(r => r.Values["step"].ValueKind == System.Text.Json.JsonValueKind.Null) is { } odd)
        {
            Assert.Fail($"a point of {Source} without a step field: {string.Join(", ", odd.Values.Select(v => $"{v.Key}={v.Value}"))}");
        }
        return rows.ToDictionary(r => r.Values["step"].GetInt64());
    }

    private IEnumerable<long> Sequences(ulong batchId) =>
        Enumerable.Range(0, FramesPerBatch).Select(i => ((long)(batchId - 1) * FramesPerBatch) + i);
}
