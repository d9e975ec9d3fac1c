using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using HdrHistogram;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.LoadGen;

/// <summary>
/// The baseline: the same frames, encoded beforehand with the server's own encoder, POSTed straight to InfluxDB's
/// 1.x <c>/write</c> API in requests of <see cref="LinesPerRequest"/> lines by <c>--streams</c> concurrent writers.
/// </summary>
internal static class DirectInfluxRunner
{
    /// <summary>Lines per request, the InfluxDB-recommended batch size the server also uses by default.</summary>
    public const int LinesPerRequest = 5000;

    /// <summary>
    /// Encodes (not timed), then writes until every body is written or <paramref name="stop"/> fires (the time limit
    /// or Ctrl+C): then the requests in flight are abandoned and only what InfluxDB answered 204 for counts as written.
    /// </summary>
    public static async Task<LoadResult> RunAsync(LoadOptions options, Uri influx, string database, TextWriter progress, CancellationToken stop)
    {
        progress.WriteLine($"encoding {options.Frames:N0} frames (not timed)...");
        var bodies = Encode(options, stop);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Streams })
        {
            BaseAddress = influx,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var path = $"write?db={Uri.EscapeDataString(database)}&precision=ns";
        var next = -1;
        long sent = 0;
        long written = 0;
        var latencies = new LongHistogram(1, 60_000_000, 3);
        var started = Stopwatch.GetTimestamp();
        var writers = Enumerable.Range(0, options.Streams).Select(_ => Task.Run(async () =>
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var (body, lines) = bodies[i];
                Interlocked.Add(ref sent, lines);
                var posted = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new ByteArrayContent(body);
                    using var response = await http.PostAsync(path, content, stop);
                    if (response.StatusCode != HttpStatusCode.NoContent)
                    {
                        throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(stop)}");
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                lock (latencies)
                {
                    latencies.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(posted).TotalMicroseconds));
                }
                Interlocked.Add(ref written, lines);
            }
        }, CancellationToken.None)).ToArray();
        var run = Task.WhenAll(writers);
        while (await Task.WhenAny(run, Task.Delay(1000, CancellationToken.None)) != run)
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{seconds,6:0.0} s  written {Interlocked.Read(ref written),12:N0}  ({Interlocked.Read(ref written) / seconds,10:N0} points/s)"));
        }
        await run;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (stop.IsCancellationRequested)
        {
            progress.WriteLine($"stopped by the time limit (or Ctrl+C): {written:N0} of {options.Frames:N0} points written");
        }
        return new LoadResult(sent, written, 0, 0, 0, 0, 0, 0, elapsed, latencies);
    }

    private static List<(byte[] Body, int Lines)> Encode(LoadOptions options, CancellationToken stop)
    {
        var encoder = new FrameEncoder(new FrameEncoderOptions());
        var bodies = new List<(byte[], int)>();
        var buffer = new ArrayBufferWriter<byte>(LinesPerRequest * 256);
        var lines = 0;
        for (var s = 0; s < options.Streams; s++)
        {
            var source = $"{options.SourcePrefix}/{s}";
            var batch = BatchFactory.Create(options, source);
            var share = LoadRunner.Share(options.Frames, options.Streams, s);
            for (long sequence = 1; sequence <= share && !stop.IsCancellationRequested; sequence += options.BatchSize)
            {
                var count = (int)Math.Min(options.BatchSize, share - sequence + 1);
                BatchFactory.Refresh(batch, 0, sequence, count, options.StartNs);
                foreach (var frame in batch.Frames)
                {
                    if (!encoder.TryEncode(frame, buffer, out var rejection))
                    {
                        throw new InvalidOperationException(rejection.Reason);
                    }
                    if (++lines == LinesPerRequest)
                    {
                        bodies.Add((buffer.WrittenSpan.ToArray(), lines));
                        buffer.ResetWrittenCount();
                        lines = 0;
                    }
                }
            }
        }
        if (lines > 0)
        {
            bodies.Add((buffer.WrittenSpan.ToArray(), lines));
        }
        return bodies;
    }
}
