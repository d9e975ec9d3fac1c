using Telemetry.Contracts.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx.Internal;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx;

/// <summary>
/// Writes <see cref="LineBatch"/>es to InfluxDB over HTTP: batched by line count and age, several concurrent
/// requests, retried with backoff, paused (never dropped) on credential or database errors, and with the lines
/// InfluxDB refuses reported per batch. Not a hosted service: the host calls <see cref="StartAsync"/> and
/// <see cref="DrainAsync"/>.
/// </summary>
public sealed class InfluxSink : ILineSink, IAsyncDisposable
{
    private readonly InfluxOptions _options;
    private readonly InfluxEndpoint _endpoint;
    private readonly InfluxTransport _transport;
    private readonly WriteQueue _queue;
    private readonly PauseGate _gate = new();
    private readonly TimeProvider _time;
    private readonly SinkCounters _counters = new();
    private readonly DeadLetterWriter _deadLetters;
    private readonly RequestWriter _writer;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task[]? _writers;
    private bool _disposed;

    /// <summary>Creates a sink; <paramref name="http"/> is used as is (its lifetime stays the caller's).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public InfluxSink(IOptions<InfluxOptions> options, HttpClient http, ILogger<InfluxSink> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        InfluxOptionsValidator.ThrowIfInvalid(_options);
        time ??= TimeProvider.System;
        _time = time;
        _logger = logger;
        _endpoint = new InfluxEndpoint(_options);
        _transport = new InfluxTransport(http, _endpoint, _options, time);
        _queue = new WriteQueue(_options.BatchLines, _options.FlushInterval, _options.FlushWhenIdle, _options.Writers, _options.MaxPendingBytes, time);
        _deadLetters = new DeadLetterWriter(_options, _endpoint.Target, time, logger);
        _writer = new RequestWriter(_transport, _endpoint, _options, _gate, _deadLetters, _counters, time, logger);
    }

    /// <inheritdoc />
    public AckDurability Durability => AckDurability.Database;

    /// <summary>Current counters (a snapshot).</summary>
    public InfluxSinkStats Stats
    {
        get
        {
            var (failingFor, failure) = NotAnswering();
            return new(_queue.PendingLines, _queue.PendingBytes, _counters.Written, _counters.Dropped,
                _transport.Requests, _counters.Retries, _gate.Reason, failingFor, failure,
                _deadLetters.Written, _deadLetters.Lost, _deadLetters.Fault);
        }
    }

    /// <summary>
    /// How long InfluxDB has not answered, from the first unanswered request's sending but never before its last
    /// answer: failing writes count at once, a request still waiting once it waited <see cref="InfluxOptions.NotAnsweringAfter"/>.
    /// </summary>
    private (TimeSpan? For, string? Failure) NotAnswering()
    {
        var lastAnswered = _counters.LastAnswered;
        var failingSince = _counters.FailingSince;
        var oldest = _counters.OldestInFlight;
        if (failingSince != 0)
        {
            var since = Math.Max(oldest == 0 ? failingSince : Math.Min(failingSince, oldest), lastAnswered);
            return (_time.GetElapsedTime(since), _counters.LastFailure);
        }
        if (oldest != 0)
        {
            var waiting = _time.GetElapsedTime(Math.Max(oldest, lastAnswered));
            if (waiting >= _options.NotAnsweringAfter)
            {
                return (waiting, $"no answer to a write request for {waiting.TotalSeconds:0} s (Influx:RequestTimeout {_options.RequestTimeout.TotalSeconds:0} s)");
            }
        }
        return (null, null);
    }

    /// <summary>
    /// Creates the database when configured (V1; a failure is logged, not thrown: a 404 retries it later) and
    /// starts the writers.
    /// </summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await _writer.TryCreateDatabaseAsync(ct).ConfigureAwait(false);
        StartWriters();
        Log.Started(_logger, _options.ApiVersion, _options.Url, _endpoint.Target, _options.Writers, _options.BatchLines);
    }

    /// <summary>
    /// Queues <paramref name="batch"/>; waits while <see cref="InfluxOptions.MaxPendingBytes"/> are already pending
    /// (the server's backpressure). Once this returns, <see cref="LineBatch.Written"/> tells the outcome. When it
    /// throws (cancelled, or the sink is draining), the batch was not taken and has been failed.
    /// </summary>
    public ValueTask EnqueueAsync(LineBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.LineCount == 0)
        {
            batch.SetWritten([]);
            return default;
        }
        return _queue.EnqueueAsync(batch, ct);
    }

    /// <summary>
    /// Stops accepting batches and writes everything queued or in flight (callers already waiting for room are
    /// still taken). When <paramref name="ct"/> fires first, the batches not yet written are failed and this
    /// throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        Log.Draining(_logger, _queue.PendingLines, _queue.PendingBytes);
        _queue.Close();
        var writers = StartWriters();
        try
        {
            await Task.WhenAll(writers).WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await AbortAsync(writers).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops at once: batches not yet written are failed. Call <see cref="DrainAsync"/> first to write them.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        await AbortAsync(_writers ?? []).ConfigureAwait(false);
        _queue.Dispose();
        await _deadLetters.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AbortAsync(Task[] writers)
    {
        var pending = _queue.PendingLines;
        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.FailAll(StoppedBeforeWritten());
        await Task.WhenAll(writers).ConfigureAwait(false);
        if (pending > 0)
        {
            Log.DrainAborted(_logger, pending);
        }
    }

    private Task[] StartWriters()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writers ??= [.. Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(() => RunWriterAsync(_stop.Token)))];
        }
    }

    private async Task RunWriterAsync(CancellationToken ct)
    {
        var ready = _queue.Ready;
        try
        {
            do
            {
                while (ready.TryRead(out var request))
                {
                    await WriteAsync(request, ct).ConfigureAwait(false);
                }
                // Nothing sealed is waiting: this writer may take the open request now (group commit).
                _queue.WriterIdle();
            }
            while (await ready.WaitToReadAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: AbortAsync fails whatever is still queued.
        }
    }

    private async Task WriteAsync(WriteRequest request, CancellationToken ct)
    {
        try
        {
            await _writer.WriteAsync(request, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            request.Fail(StoppedBeforeWritten());
        }
        catch (Exception error)
        {
            // A bug, not an InfluxDB answer: fail this request's batches rather than stop the writer.
            Log.WriterFailed(_logger, request.LineCount, error);
            request.Fail(error);
        }
        finally
        {
            _queue.Release(request);
        }
    }

    private static SinkClosedException StoppedBeforeWritten() =>
        new("The InfluxDB sink stopped before InfluxDB accepted these lines.");
}
