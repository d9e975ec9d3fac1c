using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;

namespace Telemetry.Server.Internal;

/// <summary>
/// Unhealthy while acks have stopped: the sink paused writing (credentials, database missing) or InfluxDB has not
/// answered for <see cref="IngestOptions.UnhealthyAfterFailingSeconds"/>; degraded while its writes fail for less.
/// With <see cref="AckAfter.Spool"/> acks do not wait on InfluxDB, so its failures only degrade the service.
/// </summary>
internal sealed class InfluxHealthCheck : IHealthCheck
{
    private readonly InfluxSink _sink;
    private readonly TimeSpan _unhealthyAfter;
    private readonly bool _spooled;

    public InfluxHealthCheck(InfluxSink sink, IOptions<IngestOptions> options)
    {
        _sink = sink;
        _unhealthyAfter = TimeSpan.FromSeconds(options.Value.UnhealthyAfterFailingSeconds);
        _spooled = options.Value.AckAfter == AckAfter.Spool;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = _sink.Stats;
        var data = new Dictionary<string, object>
        {
            ["pending_lines"] = stats.PendingLines,
            ["written_lines"] = stats.WrittenLines,
            ["dropped_lines"] = stats.DroppedLines,
            ["retries"] = stats.Retries,
        };
        var result = (stats.PausedReason, stats.FailingFor, stats.DeadLetterFault) switch
        {
            ({ } reason, _, _) => HealthCheckResult.Unhealthy($"writing to InfluxDB is paused: {reason}", data: data),
            (_, { } failing, _) when failing >= _unhealthyAfter => HealthCheckResult.Unhealthy(
                $"InfluxDB not answering for {failing.TotalSeconds:0} s: {stats.LastFailure}", data: data),
            (_, { } failing, _) => HealthCheckResult.Degraded(
                $"InfluxDB not answering for {failing.TotalSeconds:0} s, retrying: {stats.LastFailure}", data: data),
            (_, _, { } deadLetters) => HealthCheckResult.Unhealthy(deadLetters, data: data),
            _ => HealthCheckResult.Healthy("writing to InfluxDB", data),
        };
        if (_spooled && result.Status == HealthStatus.Unhealthy)
        {
            result = HealthCheckResult.Degraded($"{result.Description}; batches are acknowledged from the spool meanwhile", data: data);
        }
        return Task.FromResult(result);
    }
}
