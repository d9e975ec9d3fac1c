using System.Globalization;
using System.Text.Json;

namespace Telemetry.LoadGen;

/// <summary>Formats a load result for people (a table) or scripts (one JSON line).</summary>
internal static class Report
{
    private static readonly double[] Percentiles = [50, 90, 99, 99.9, 100];

    public static string Table(LoadOptions o, LoadResult r) => string.Create(CultureInfo.InvariantCulture, $"""
        streams x inflight     {o.Streams} x {o.InFlight}, batches of {o.BatchSize}, {o.Fields} fields/frame
        frames sent            {r.FramesSent:N0}
        frames written         {r.FramesWritten:N0}
        already stored         {r.FramesDuplicate:N0} (duplicates: resent frames the server had kept)   sender restarts {r.SequenceResets:N0}
        frames rejected        {r.FramesRejected:N0}   batches refused {r.BatchesRefused:N0}
        reconnects             {r.Reconnects:N0}   frames resent {r.FramesResent:N0}
        elapsed                {r.ElapsedSeconds:0.00} s
        throughput             {r.FramesPerSecond:N0} frames/s
        ack latency (ms)       p50 {r.LatencyMs(50):0.00}  p90 {r.LatencyMs(90):0.00}  p99 {r.LatencyMs(99):0.00}  p99.9 {r.LatencyMs(99.9):0.00}  max {r.LatencyMs(100):0.00}
        """);

    public static string Json(LoadOptions o, LoadResult r) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["streams"] = o.Streams,
        ["inflight"] = o.InFlight,
        ["batch"] = o.BatchSize,
        ["fields"] = o.Fields,
        ["frames_sent"] = r.FramesSent,
        ["frames_written"] = r.FramesWritten,
        ["frames_duplicate"] = r.FramesDuplicate,
        ["sequence_resets"] = r.SequenceResets,
        ["frames_rejected"] = r.FramesRejected,
        ["batches_refused"] = r.BatchesRefused,
        ["reconnects"] = r.Reconnects,
        ["frames_resent"] = r.FramesResent,
        ["elapsed_s"] = Math.Round(r.ElapsedSeconds, 3),
        ["frames_per_s"] = Math.Round(r.FramesPerSecond),
        ["ack_latency_ms"] = Percentiles.ToDictionary(
            p => p.ToString("0.#", CultureInfo.InvariantCulture), p => Math.Round(r.LatencyMs(p), 3)),
    });
}
