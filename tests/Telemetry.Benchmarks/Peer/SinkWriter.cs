using System.Buffers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Benchmarks.Peer;

/// <summary>
/// Our writer on the same points: each frame refreshed in place (what the server has after parsing), encoded by
/// <see cref="FrameEncoder"/> into reused buffers of 5,000 lines and handed to <see cref="InfluxSink"/> with N
/// concurrent writers. A buffer is reused once InfluxDB (or the stand-in) has answered for its batch.
/// </summary>
internal static class SinkWriter
{
    private const int BatchLines = 5_000;

    public static async Task<long> RunAsync(Uri url, string database, long points, int writers)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = writers + 1, UseProxy = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var options = new InfluxOptions
        {
            Url = url, Database = database, CreateDatabase = false, BatchLines = BatchLines, Writers = writers,
        };
        await using var sink = new InfluxSink(Options.Create(options), http, NullLogger<InfluxSink>.Instance);
        await sink.StartAsync(CancellationToken.None);
        var encoder = new FrameEncoder(new FrameEncoderOptions());
        var frame = PeerPoints.CreateFrame("peer/0");
        var inFlight = new Queue<(ArrayBufferWriter<byte> Buffer, LineBatch Batch)>();
        var spare = new Stack<ArrayBufferWriter<byte>>();
        long written = 0;
        for (long first = 1; first <= points; first += BatchLines)
        {
            if (inFlight.Count > writers + 1)
            {
                var (done, batch) = inFlight.Dequeue();
                written += await Completed(batch);
                spare.Push(done);
            }
            var buffer = spare.Count > 0 ? spare.Pop() : new ArrayBufferWriter<byte>(BatchLines * 256);
            buffer.ResetWrittenCount();
            var lines = (int)Math.Min(BatchLines, points - first + 1);
            for (var i = 0; i < lines; i++)
            {
                PeerPoints.Refresh(frame, first + i);
                if (!encoder.TryEncode(frame, buffer, out var rejection))
                {
                    throw new InvalidOperationException(rejection.Reason);
                }
            }
            var next = new LineBatch(buffer.WrittenMemory, lines);
            await sink.EnqueueAsync(next, CancellationToken.None);
            inFlight.Enqueue((buffer, next));
        }
        while (inFlight.TryDequeue(out var last))
        {
            written += await Completed(last.Batch);
        }
        await sink.DrainAsync(CancellationToken.None);
        return written;
    }

    private static async Task<long> Completed(LineBatch batch) => batch.LineCount - (await batch.Written).Count;
}
