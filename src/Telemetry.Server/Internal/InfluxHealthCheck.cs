using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telemetry.Ingest.Influx;

namespace Telemetry.Server.Internal;

/// <summary>Unhealthy while the sink has paused writing (credentials or database missing): acks have stopped.</summary>
internal sealed class InfluxHealthCheck : IHealthCheck
{
    private readonly InfluxSink _sink;

    public InfluxHealthCheck(InfluxSink sink) => _sink = sink;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = _sink.Stats;
        var data = new Dictionary<string, object>
        {
            ["pending_lines"] = stats.PendingLines,
            ["written_lines"] = stats.WrittenLines,
            ["dropped_lines"] = stats.DroppedLines,
        };
        return Task.FromResult(stats.PausedReason is { } reason
            ? HealthCheckResult.Unhealthy($"writing to InfluxDB is paused: {reason}", data: data)
            : HealthCheckResult.Healthy("writing to InfluxDB", data));
    }
}
