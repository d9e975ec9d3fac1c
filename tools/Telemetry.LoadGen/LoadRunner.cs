using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using HdrHistogram;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>Runs the streams of one load run, reports progress every second, and collects the result.</summary>
internal static class LoadRunner
{
    /// <summary>How long the acks of batches in flight are awaited once <c>stop</c> has fired, in seconds.</summary>
    public const double AckGraceSeconds = 5;

    /// <summary>
    /// Runs until every frame is acknowledged or <paramref name="stop"/> fires (the time limit or Ctrl+C); then the
    /// batches in flight get <see cref="AckGraceSeconds"/> for their acks, and the streams still open are abandoned
    /// (disposing the channel cancels their calls), so that a server that never answers cannot hold the run.
    /// </summary>
    public static async Task<LoadResult> RunAsync(LoadOptions options, TextWriter progress, CancellationToken stop)
    {
        using var channel = options.Connection.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = null });
        var invoker = channel.CreateCallInvoker();
        var counters = new LoadCounters();

        if (options.Prepare)
        {
            progress.WriteLine($"serializing {options.Frames:N0} frames before the run (not timed)...");
        }
        var workers = Enumerable.Range(0, options.Streams)
            .Select(i => new StreamWorker(options, i, Share(options.Frames, options.Streams, i), counters, stop))
            .ToArray();
        var started = Stopwatch.GetTimestamp();
        var run = Task.WhenAll(workers.Select(w => w.RunAsync(invoker, stop)));
        long stoppedAt = 0;
        while (await Task.WhenAny(run, Task.Delay(1000, CancellationToken.None)) != run)
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{seconds,6:0.0} s  sent {counters.Sent,12:N0}  written {counters.Written,12:N0}  ({counters.Written / seconds,10:N0} frames/s)"));
            if (stop.IsCancellationRequested && stoppedAt == 0)
            {
                stoppedAt = Stopwatch.GetTimestamp();
            }
            if (stoppedAt != 0 && Stopwatch.GetElapsedTime(stoppedAt).TotalSeconds >= AckGraceSeconds)
            {
                progress.WriteLine($"time limit: abandoning the streams whose acks had not come {AckGraceSeconds} s after it");
                break;
            }
        }
        if (run.IsCompleted)
        {
            await run;
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var latency = new LongHistogram(1, 60_000_000, 3);
        foreach (var worker in workers)
        {
            latency.Add(worker.Latency);
        }
        foreach (var (worker, index) in workers.Select((w, i) => (w, i)).Where(x => x.w.Failure is not null).Take(3))
        {
            progress.WriteLine($"stream {index}: {worker.Failure}");
        }
        if (counters.FirstProblem is { } problem)
        {
            progress.WriteLine($"first problem reported by the server: {problem}");
        }
        return new LoadResult(counters.Sent, counters.Written, counters.Duplicates, counters.Resets, counters.Rejected, counters.Refused, counters.Reconnects, counters.Resent, elapsed, latency);
    }

    /// <summary>Frames of stream <paramref name="index"/> when <paramref name="total"/> are spread over <paramref name="parts"/> streams.</summary>
    public static long Share(long total, int parts, int index) =>
        total / parts + (index < total % parts ? 1 : 0);
}
