using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telemetry.Ingest.Spool;

namespace Telemetry.Server.Internal;

/// <summary>
/// Unhealthy while the spool cannot write to its folder (every batch is refused with UNAVAILABLE until its probe
/// succeeds), when forwarding to InfluxDB has stopped for good or is retrying a batch the InfluxDB writer failed (a segment file vanished or could not be read: nothing
/// acknowledged from here on reaches InfluxDB until a restart) or when the spool's quota cannot take another segment
/// (batches are being refused); degraded past 80 % of it; healthy otherwise, whatever InfluxDB's state: the spool
/// keeps acknowledging through an outage.
/// </summary>
internal sealed class SpoolHealthCheck(SpoolSink spool) : IHealthCheck
{
    private const double DegradedFraction = 0.8;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = spool.Stats;
        var data = new Dictionary<string, object>
        {
            ["spool_bytes"] = stats.Bytes,
            ["spool_max_bytes"] = stats.MaxBytes,
            ["spool_segments"] = stats.Segments,
            ["refused_full_batches"] = stats.RefusedFullBatches,
            ["dead_lettered_lines"] = stats.DeadLetteredLines,
            ["refused_fault_batches"] = stats.RefusedFaultBatches,
            ["abandoned_bytes"] = stats.AbandonedBytes,
        };
        var fill = (double)stats.Bytes / stats.MaxBytes;
        var age = stats.OldestUnconfirmedAge is { } a ? $"; oldest unforwarded batch {a.TotalSeconds:0} s old" : "";
        if (stats.WriterFault is { } writerFault)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"spool refuses batches: {writerFault}{age}", data: data));
        }
        if (stats.ForwarderFault is { } fault)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"spool forwarder {fault}{age}", data: data));
        }

        var result = fill switch
        {
            >= 1.0 => HealthCheckResult.Unhealthy($"spool full ({stats.Bytes} of {stats.MaxBytes} bytes): new batches are refused{age}", data: data),
            >= DegradedFraction => HealthCheckResult.Degraded($"spool {fill:P0} full{age}", data: data),
            _ => HealthCheckResult.Healthy($"spool {fill:P0} full{age}", data),
        };
        return Task.FromResult(result);
    }
}
