using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Spool.Internal;

namespace Telemetry.Ingest.Spool;

/// <summary>
/// The write-ahead spool as a line sink: a batch is acknowledged once it is fsynced to a local segment file (group
/// commit), and a forwarder drains the segments to the InfluxDB writer in order, across InfluxDB outages and server
/// restarts. Not a hosted service: the host calls <see cref="StartAsync"/> and <see cref="StopAsync"/>.
/// </summary>
public sealed class SpoolSink : ILineSink, IAsyncDisposable
{
    private readonly SpoolOptions _options;
    private readonly ILineSink _target;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SpoolLedger _ledger;
    private readonly SpoolCounters _counters = new();
    private readonly DiskFaults _faults = new();
    private readonly SpoolWriter _writer;
    private readonly CancellationTokenSource _stopForwarding = new();
    private Checkpoint? _checkpoint;
    private SpoolForwarder? _forwarder;
    private Task? _forwarding;
    private SpoolLock? _lock;
    private int _disposed;

    /// <summary>Creates a spool in front of <paramref name="target"/> (the InfluxDB writer).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public SpoolSink(IOptions<SpoolOptions> options, ILineSink target, ILogger<SpoolSink> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        SpoolOptionsValidator.ThrowIfInvalid(_options);
        _target = target;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _ledger = new SpoolLedger(Path.GetFullPath(_options.Directory));
        _writer = new SpoolWriter(_options, _ledger, _counters, _faults, _time, logger);
    }

    /// <inheritdoc />
    public AckDurability Durability => AckDurability.Spool;

    /// <summary>The spool's folder, as a full path.</summary>
    public string Directory => _ledger.Directory;

    /// <summary>What recovery found at start; null before <see cref="StartAsync"/>.</summary>
    public SpoolRecoveryReport? Recovery { get; private set; }

    /// <summary>Current counters (a snapshot).</summary>
    public SpoolStats Stats
    {
        get
        {
            var commits = _counters.Commits;
            var oldest = _counters.OldestUnconfirmedUnixNs;
            return new SpoolStats(_ledger.TotalBytes, _options.MaxBytes, _ledger.SegmentCount, _writer.PendingBytes,
                _forwarder?.InFlightBytes ?? 0, commits, _counters.CommittedBatches,
                commits == 0 ? TimeSpan.Zero : _counters.CommitTime / commits, _counters.RefusedFullBatches,
                _counters.ForwardedLines, _counters.DeadLetteredLines, _counters.SkippedDamageBytes,
                oldest == 0 ? null : _time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(oldest / 1_000_000),
                _forwarder?.Fault, _writer.Fault, _counters.RefusedFaultBatches, _ledger.AbandonedBytes);
        }
    }

    /// <summary>Disk calls made to fail on demand (tests only; off by default).</summary>
    internal DiskFaults Faults => _faults;

    /// <summary>
    /// True when InfluxDB has answered for every batch acknowledged so far (nothing waits to be forwarded).
    /// </summary>
    public bool IsForwarded =>
        _forwarder is { } forwarder && _writer.PendingBytes == 0 && forwarder.Confirmed == _ledger.CommittedEnd;

    /// <summary>
    /// Locks the folder (one server per spool), recovers it (verifying every record still to forward), opens a new
    /// active segment and starts the forwarder. The target must already accept batches.
    /// </summary>
    /// <exception cref="IOException">Another server holds the folder, or it cannot be read or written.</exception>
    public async Task StartAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(_ledger.Directory);
        _lock = SpoolLock.Acquire(_ledger.Directory);
        _checkpoint = new Checkpoint(Path.Combine(_ledger.Directory, "checkpoint"));
        var (report, resumeSegment, resumeOffset, next) =
            await SpoolRecovery.RunAsync(_ledger, _checkpoint, _logger, ct).ConfigureAwait(false);
        Recovery = report;
        _writer.Start(next);
        _forwarder = new SpoolForwarder(_target, _ledger, _counters, _checkpoint, _options.MaxForwardBytes, _time, _logger);
        _forwarding = Task.Run(() => _forwarder.RunAsync(resumeSegment, resumeOffset, _stopForwarding.Token));
    }

    /// <summary>
    /// Appends <paramref name="batch"/> to the next group commit; <see cref="LineBatch.Written"/> completes once it
    /// is fsynced, or fails with <see cref="SpoolFullException"/> when the quota has no room for it and with
    /// <see cref="SpoolFaultException"/> while the spool cannot write to its folder.
    /// </summary>
    public ValueTask EnqueueAsync(LineBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.LineCount == 0)
        {
            batch.SetWritten([]);
            return default;
        }
        return _writer.EnqueueAsync(batch, cancellationToken);
    }

    /// <summary>
    /// Stops accepting batches and commits those already queued (they are acknowledged). Forwarding goes on until
    /// <see cref="StopAsync"/>.
    /// </summary>
    public Task CloseAsync() => _writer.CloseAsync();

    /// <summary>
    /// Closes the spool, then stops the forwarder: what InfluxDB has not confirmed stays on disk and is forwarded
    /// after the next start.
    /// </summary>
    public async Task StopAsync()
    {
        await _writer.CloseAsync().ConfigureAwait(false);
        await _stopForwarding.CancelAsync().ConfigureAwait(false);
        if (_forwarding is not null)
        {
            await _forwarding.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await StopAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        _checkpoint?.Dispose();
        _stopForwarding.Dispose();
        _lock?.Dispose();
    }
}
