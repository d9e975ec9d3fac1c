using System.Globalization;
using System.Net;
using System.Text.Json;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.Observability;

/// <summary>
/// The operations listener of a real server process (its own process, so its metrics are its own): liveness,
/// readiness, Prometheus metrics with exact values after known traffic, the status JSON, and that it is not the
/// gRPC port.
/// </summary>
public sealed class OpsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterKnownTraffic_CountFramesBySourceRejectionsByCodeGapsAndAcks()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-ops-spool");
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "ops", spool.Path);
        using var http = new HttpClient { BaseAddress = server.OpsAddress };

        // Batch 1: 6 frames of ops/a (sequences 1-6) and 4 of ops/b, one of them NaN (rejected).
        var first = Frames.Batch(1, "ops/a", 1, 6);
        foreach (var frame in Frames.Batch(1, "ops/b", 1, 4).Frames)
        {
            first.Frames.Add(frame);
        }
        first.Frames[8].Fields[0].DoubleValue = double.NaN;
        var ack1 = await server.Client.WriteAsync(first);
        // Batch 2: ops/a jumps from 6 to 10 (7-9 missing: one gap) and resends 6 (a duplicate).
        var second = Frames.Batch(2, "ops/a", 10, 3);
        second.Frames.Add(Frames.Sample("ops/a", 6));
        var ack2 = await server.Client.WriteAsync(second);
        Assert.Equal((9u, 1), (ack1.WrittenCount, ack1.Rejections.Count));
        // A duplicate is stored already: counted apart, not as written by this batch.
        Assert.Equal((3u, 1u, 1u, 0u), (ack2.WrittenCount, ack2.DuplicateCount, ack2.GapCount, ack2.ResetCount));

        var metricsText = await http.GetStringAsync("/metrics");
        var metrics = Parse(metricsText);
        Assert.Equal(10, metrics["telemetry_server_frames_received{source=\"ops/a\"}"]);
        Assert.Equal(4, metrics["telemetry_server_frames_received{source=\"ops/b\"}"]);
        Assert.Equal(2, metrics["telemetry_server_batches_received{source=\"ops/a\"}"]);
        Assert.Equal(12, metrics["telemetry_server_frames_accepted{durability=\"spool\"}"]);
        Assert.Equal(1, metrics["telemetry_server_frames_rejected{code=\"NonFinite\"}"]);
        Assert.Equal(1, metrics["telemetry_server_frames_duplicate"]);
        Assert.Equal(2, metrics["telemetry_server_acks{accepted=\"true\"}"]);
        Assert.Equal(2, metrics["telemetry_server_ack_duration_count"]);
        Assert.Equal(1, metrics["telemetry_server_sequence_gaps"]);
        Assert.Equal(3, metrics["telemetry_server_sequence_missing"]);
        Assert.Equal(0, metrics["telemetry_server_sequence_resets"]);
        Assert.True(metrics["telemetry_server_spool_limit"] > 0);
        Assert.Contains(metrics.Keys, k => k.StartsWith("process_working_set_bytes", StringComparison.Ordinal));
        Assert.Contains(metrics.Keys, k => k.StartsWith("system_runtime_dotnet_gc_collections", StringComparison.Ordinal));

        // InfluxDB's answers show once the spool has forwarded: 12 data lines and the gap point.
        await Eventually.HoldsAsync(async () =>
        {
            var m = Parse(await http.GetStringAsync("/metrics"));
            return m.GetValueOrDefault("telemetry_server_influx_lines_written") == 13;
        }, () => "13 lines written to InfluxDB");
        var after = Parse(await http.GetStringAsync("/metrics"));
        Assert.True(after.GetValueOrDefault("telemetry_ingest_influx_requests{outcome=\"written\"}") >= 1);

        using var status = JsonDocument.Parse(await http.GetStringAsync("/status.json"));
        var root = status.RootElement;
        Assert.Equal(14, root.GetProperty("framesTotal").GetInt64());
        Assert.Equal(10, root.GetProperty("framesBySource").GetProperty("ops/a").GetInt64());
        var rejection = Assert.Single(root.GetProperty("recentRejections").EnumerateArray());
        Assert.Equal(("ops/b", "NonFinite", 8u), (rejection.GetProperty("source").GetString(), rejection.GetProperty("code").GetString(), rejection.GetProperty("index").GetUInt32()));
        var gap = Assert.Single(root.GetProperty("recentGaps").EnumerateArray());
        Assert.Equal(("ops/a", 7ul, 9ul), (gap.GetProperty("source").GetString(), gap.GetProperty("firstMissing").GetUInt64(), gap.GetProperty("lastMissing").GetUInt64()));
        Assert.True(root.GetProperty("influx").GetProperty("up").GetBoolean());
        Assert.Equal((1L, 1L, 0L), (root.GetProperty("duplicates").GetInt64(), root.GetProperty("gaps").GetInt64(), root.GetProperty("resets").GetInt64()));
    }

    [Fact]
    public async Task HealthAndReadiness_InfluxDown_LiveStillAndReadyWhileTheSpoolHasRoom()
    {
        using var spool = new TempDirectory("telemetry-ops-spool");
        // Nothing listens on port 1: InfluxDB is down from the start.
        await using var server = await ServerProcess.StartAsync(new Uri("http://127.0.0.1:1"), "ops", spool.Path);
        using var http = new HttpClient { BaseAddress = server.OpsAddress };

        var live = await http.GetAsync("/healthz");
        var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok\n", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("spool").GetProperty("status").GetString());
        // The gRPC port does not serve the operations endpoints, even to an HTTP/2 client naming the ops port.
        using var grpcPort = new HttpClient { BaseAddress = server.Address };
        foreach (var path in new[] { "/metrics", "/status.json", "/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path)
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Headers.Host = server.OpsAddress.Authority;
            var onGrpc = await grpcPort.SendAsync(request);
            Assert.Equal(HttpVersion.Version20, onGrpc.Version);
            Assert.Equal(HttpStatusCode.NotFound, onGrpc.StatusCode);
        }
        // The same paths answer on the ops port.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/status.json")).StatusCode);
    }

    [Fact]
    public async Task Readiness_DatabaseModeWithInfluxDown_NotReady()
    {
        using var spool = new TempDirectory("telemetry-ops-spool");
        await using var server = await ServerProcess.StartAsync(new Uri("http://127.0.0.1:1"), "ops", spool.Path,
            new Dictionary<string, string> { ["Ingest:AckAfter"] = "Database", ["Ingest:UnhealthyAfterFailingSeconds"] = "1" });
        using var http = new HttpClient { BaseAddress = server.OpsAddress };
        // A write makes the writer try InfluxDB and fail.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        _ = server.Client.WriteAsync(Frames.Batch(1, "ops/db", 1, 1), cancellationToken: cancel.Token).ResponseAsync.ContinueWith(static _ => { }, TaskScheduler.Default);

        await Eventually.HoldsAsync(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable, () => "not ready");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>Prometheus text exposition as "name{labels}" to value (comments and exemplars dropped).</summary>
    private static Dictionary<string, double> Parse(string text)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var cut = line.LastIndexOf(' ');
            result[line[..cut]] = double.Parse(line[(cut + 1)..], CultureInfo.InvariantCulture);
        }
        return result;
    }
}
