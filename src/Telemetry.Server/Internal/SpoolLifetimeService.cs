using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Spool;

namespace Telemetry.Server.Internal;

/// <summary>
/// With <see cref="AckAfter.Spool"/>: starts the InfluxDB writer and then the spool (recovery, forwarder) before the
/// server accepts calls. When the host begins to stop, the spool stops taking batches and commits those queued, so
/// in-flight calls get their acks. After the server has stopped, the forwarder stops and InfluxDB gets a short
/// budget to confirm what was handed to it; everything else stays spooled for the next start (nothing acknowledged
/// needs InfluxDB to be up for a clean exit).
/// </summary>
internal sealed class SpoolLifetimeService : IHostedService
{
    /// <summary>How long a stopping server waits for InfluxDB to confirm batches already sent to it.</summary>
    private static readonly TimeSpan ForwardDrainBudget = TimeSpan.FromSeconds(2);

    private readonly SpoolSink _spool;
    private readonly InfluxSink _influx;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SpoolLifetimeService> _logger;
    private CancellationTokenRegistration _stopping;
    private Task? _closing;

    public SpoolLifetimeService(SpoolSink spool, InfluxSink influx, IHostApplicationLifetime lifetime,
        ILogger<SpoolLifetimeService> logger)
    {
        _spool = spool;
        _influx = influx;
        _lifetime = lifetime;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _influx.StartAsync(cancellationToken).ConfigureAwait(false);
        await _spool.StartAsync(cancellationToken).ConfigureAwait(false);
        if (_spool.Recovery is { } report && (report.TornTails.Count > 0 || report.Corruptions.Count > 0))
        {
            Log.SpoolRecoveredDamage(_logger, report.TornTails.Count, report.Corruptions.Count);
        }
        _stopping = _lifetime.ApplicationStopping.Register(static s => ((SpoolLifetimeService)s!).BeginClose(), this);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await BeginClose().ConfigureAwait(false);
        await _spool.StopAsync().ConfigureAwait(false);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ForwardDrainBudget);
        try
        {
            await _influx.DrainAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // InfluxDB did not confirm in time: those records stay spooled and are sent again after the next start.
        }
        var stats = _spool.Stats;
        await _spool.DisposeAsync().ConfigureAwait(false);
        await _influx.DisposeAsync().ConfigureAwait(false);
        await _stopping.DisposeAsync().ConfigureAwait(false);
        Log.SpoolStopped(_logger, stats.Bytes, stats.Segments);
    }

    private Task BeginClose()
    {
        lock (_spool)
        {
            return _closing ??= _spool.CloseAsync();
        }
    }
}
