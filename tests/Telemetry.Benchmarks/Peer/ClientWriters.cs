using InfluxDB.Client;
using InfluxDB.Client.Writes;

namespace Telemetry.Benchmarks.Peer;

/// <summary>
/// InfluxDB.Client 5.1.0 writing <see cref="PeerPoints"/> as its users would: a <c>PointData</c> per point, through
/// the batching <c>WriteApi</c> (one producer; the API batches 5,000 points and flushes in the background) or through
/// <c>WriteApiAsync</c> with N concurrent writers, each awaiting one 5,000-point request at a time.
/// </summary>
internal static class ClientWriters
{
    private const int BatchPoints = 5_000;

    /// <summary>The organization the client insists on; influxd 1.x ignores it after the rewrite.</summary>
    private const string Org = "bench";

    /// <summary>The batching WriteApi; returns the points the client reported written.</summary>
    public static long Batching(Uri url, string database, long points)
    {
        using var client = Create(url, database, connections: 1);
        long written = 0, failed = 0;
        using (var api = client.GetWriteApi(new WriteOptions { BatchSize = BatchPoints, FlushInterval = 1_000 }))
        {
            api.EventHandler += (_, e) =>
            {
                switch (e)
                {
                    case WriteSuccessEvent success:
                        Interlocked.Add(ref written, success.LineProtocol.AsSpan().Count('\n') + 1);
                        break;
                    case WriteErrorEvent or WriteRuntimeExceptionEvent:
                        Interlocked.Increment(ref failed);
                        break;
                }
            };
            var frame = PeerPoints.CreateFrame("peer/0");
            for (long sequence = 1; sequence <= points; sequence++)
            {
                PeerPoints.Refresh(frame, sequence);
                api.WritePoint(PeerPointData.FromFrame(frame), database, Org);
            }
        } // Dispose flushes what is buffered and waits for it.
        if (failed > 0)
        {
            Console.Error.WriteLine($"WriteApi reported {failed} failed batch(es)");
        }
        return Interlocked.Read(ref written);
    }

    /// <summary><paramref name="writers"/> concurrent WriteApiAsync writers, each its own source.</summary>
    public static async Task<long> ConcurrentAsync(Uri url, string database, long points, int writers)
    {
        using var client = Create(url, database, writers);
        var api = client.GetWriteApiAsync();
        long written = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var frame = PeerPoints.CreateFrame($"peer/{w}");
            var share = PeerPoints.Share(points, writers, w);
            var batch = new List<PointData>(BatchPoints);
            for (long sequence = 1; sequence <= share; sequence++)
            {
                PeerPoints.Refresh(frame, sequence);
                batch.Add(PeerPointData.FromFrame(frame));
                if (batch.Count == BatchPoints || sequence == share)
                {
                    await api.WritePointsAsync(batch, database, Org);
                    Interlocked.Add(ref written, batch.Count);
                    batch = new List<PointData>(BatchPoints);
                }
            }
        })));
        return written;
    }

    private static InfluxDBClient Create(Uri url, string database, int connections)
    {
        var http = new HttpClient(new V1WriteRewrite(new SocketsHttpHandler { MaxConnectionsPerServer = connections + 1, UseProxy = false }))
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        return new InfluxDBClient(new InfluxDBClientOptions(url.ToString())
        {
            Org = Org,
            Bucket = database,
            Token = "bench",
            Timeout = TimeSpan.FromSeconds(60),
            HttpClient = http,
        });
    }
}
