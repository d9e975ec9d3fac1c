using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telemetry.Ingest.Spool;

namespace Telemetry.Server.Internal;

/// <summary>
/// Unhealthy when forwarding to InfluxDB has stopped for good (a segment file vanished or could not be read: nothing
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
        };
        var fill = (double)stats.Bytes / stats.MaxBytes;
        var age = stats.OldestUnconfirmedAge is { } a ? $"; oldest unforwarded batch {a.TotalSeconds:0} s old" : "";
        if (stats.ForwarderFault is { } fault)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"spool forwarder stopped: {fault}; acknowledged batches stay spooled and are forwarded after a restart{age}", data: data));
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
