using Telemetry.Ingest.Influx;

namespace Telemetry.Server.Internal;

/// <summary>
/// Starts the InfluxDB sink before the server accepts calls, and drains it as soon as the host begins to stop:
/// ingest calls still in flight wait for their acks, which need the sink to write, so the flush cannot wait until
/// the server has stopped. Batches that arrive after the drain began are refused (never acknowledged), and
/// <see cref="StopAsync"/> (which runs after the server has stopped) waits for the drain to finish. When the host's
/// shutdown timeout ends the drain first, what was left is failed (never acknowledged), logged, and the process exits
/// with <see cref="ExitCodes.DrainTimedOut"/>.
/// </summary>
internal sealed class SinkLifetimeService : IHostedService, IDisposable
{
    private readonly InfluxSink _sink;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SinkLifetimeService> _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _lock = new();
    private CancellationTokenRegistration _stopping;
    private Task? _drain;

    public SinkLifetimeService(InfluxSink sink, IHostApplicationLifetime lifetime, ILogger<SinkLifetimeService> logger)
    {
        _sink = sink;
        _lifetime = lifetime;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _sink.StartAsync(cancellationToken).ConfigureAwait(false);
        _stopping = _lifetime.ApplicationStopping.Register(static s => ((SinkLifetimeService)s!).BeginDrain(), this);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var abort = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _abort);
        await BeginDrain().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
    }

    private Task BeginDrain()
    {
        lock (_lock)
        {
            return _drain ??= DrainAsync();
        }
    }

    private async Task DrainAsync()
    {
        Log.Draining(_logger);
        try
        {
            await _sink.DrainAsync(_abort.Token).ConfigureAwait(false);
            Log.Drained(_logger);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // The shutdown timeout ran out with InfluxDB not answering: the batches still queued were failed, so
            // their calls end with UNAVAILABLE and were never acknowledged. Exit non-zero, never abort.
            var stats = _sink.Stats;
            Log.DrainTimedOut(_logger, stats.LastFailure ?? stats.PausedReason ?? "no answer");
            Environment.ExitCode = ExitCodes.DrainTimedOut;
        }
    }
}
