using System.Globalization;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Client;

/// <summary>
/// Sends batches over the bidirectional <c>IngestService/Stream</c> with a bounded window of unacknowledged batches.
/// When the call fails with a transient status (<see cref="IngestStatus.IsTransient"/>: the server restarted, shut down,
/// or refused for a full spool) it
/// reconnects with exponential backoff and first sends again every batch not yet acknowledged: at-least-once, made
/// exact by the server's duplicate window and by InfluxDB overwriting identical points. Every failure ends in
/// <see cref="IngestStreamResult.Failure"/>, never in an exception or an unobserved task.
/// </summary>
/// <typeparam name="TBatch">The request message type: <c>FrameBatch</c>, or its bytes with a raw marshaller.</typeparam>
public sealed class ResendingStream<TBatch>
    where TBatch : class
{
    private readonly CallInvoker _invoker;
    private readonly Method<TBatch, BatchAck> _method;
    private readonly IngestStreamOptions _options;
    private readonly IIngestStreamObserver<TBatch>? _observer;
    private readonly TimeProvider _time;
    private readonly Dictionary<ulong, InFlight> _unacked = [];
    private long _batchesSent;
    private long _framesSent;
    private long _acknowledged;
    private long _framesResent;
    private int _reconnects;
    private long _lastProgress;
    private bool _exhausted;

    /// <param name="invoker">The channel's call invoker.</param>
    /// <param name="method">The duplex stream method (its request marshaller decides what <typeparamref name="TBatch"/> is).</param>
    /// <param name="options">Window, timeouts, reconnects and API key.</param>
    /// <param name="observer">Told of every ack, reconnect and resend; may be null.</param>
    /// <param name="time">Clock for backoff waits and latencies. Default the system clock.</param>
    public ResendingStream(
        CallInvoker invoker, Method<TBatch, BatchAck> method, IngestStreamOptions options,
        IIngestStreamObserver<TBatch>? observer = null, TimeProvider? time = null)
    {
        options.Validate();
        _invoker = invoker;
        _method = method;
        _options = options;
        _observer = observer;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Batches sent and not yet acknowledged.</summary>
    public int Pending
    {
        get
        {
            lock (_unacked)
            {
                return _unacked.Count;
            }
        }
    }

    /// <summary>
    /// Sends every batch of <paramref name="batches"/> (ids unique) and waits for their acknowledgements.
    /// <paramref name="stop"/> stops sending new batches and reconnecting; batches already in flight are still awaited,
    /// up to <see cref="IngestStreamOptions.AckTimeout"/>.
    /// </summary>
    public async Task<IngestStreamResult> SendAsync(IAsyncEnumerable<OutgoingBatch<TBatch>> batches, CancellationToken stop)
    {
        await using var source = batches.GetAsyncEnumerator(stop);
        var backoff = _options.InitialBackoff;
        Interlocked.Exchange(ref _lastProgress, _time.GetTimestamp());
        while (true)
        {
            var acknowledgedBefore = Interlocked.Read(ref _acknowledged);
            try
            {
                return Result(await RunCallAsync(source, stop).ConfigureAwait(false));
            }
            catch (RpcException e) when (IngestStatus.IsTransient(e))
            {
                if (stop.IsCancellationRequested || GaveUp())
                {
                    return Result(Describe(e));
                }

                _reconnects++;
                _observer?.OnReconnecting(e.Status);
                if (Interlocked.Read(ref _acknowledged) > acknowledgedBefore)
                {
                    backoff = _options.InitialBackoff;
                }

                try
                {
                    await Task.Delay(backoff, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return Result(Describe(e));
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
            catch (RpcException e)
            {
                return Result(Describe(e));
            }
            catch (TimeoutException)
            {
                return Result(string.Create(
                    CultureInfo.InvariantCulture,
                    $"no acknowledgement within {_options.AckTimeout.TotalSeconds:0.###} s; {Pending} batch(es) unacknowledged"));
            }
        }
    }

    private async Task<string?> RunCallAsync(IAsyncEnumerator<OutgoingBatch<TBatch>> source, CancellationToken stop)
    {
        var headers = _options.ApiKey is { } key ? new Metadata { { "authorization", "Bearer " + key } } : null;
        using var abort = new CancellationTokenSource();
        using var call = _invoker.AsyncDuplexStreamingCall(_method, null, new CallOptions(headers, cancellationToken: abort.Token));
        List<InFlight> resend;
        lock (_unacked)
        {
            resend = [.. _unacked.Values.OrderBy(b => b.Batch.BatchId)];
        }

        // A new window: the acks of the failed call will never come.
        using var window = new SemaphoreSlim(_options.MaxInFlight - resend.Count, _options.MaxInFlight);
        var reader = ReadAcksAsync(call.ResponseStream, window, abort.Token);
        try
        {
            foreach (var old in resend)
            {
                Volatile.Write(ref old.SentAt, _time.GetTimestamp());

                await WriteAsync(call, old.Batch.Message, reader).ConfigureAwait(false);
                if (old.Written)
                {
                    _framesResent += old.Batch.Frames;
                    _observer?.OnResent(old.Batch);
                }
                else
                {
                    MarkWritten(old);
                }
            }

            var stopped = false;
            while (!_exhausted && !stopped)
            {
                switch (await WaitForSlotAsync(window, reader, stop).ConfigureAwait(false))
                {
                    case Slot.ReaderEnded:
                        await reader.ConfigureAwait(false);
                        return "the server closed the stream before every batch was sent";
                    case Slot.Stopped:
                        stopped = true;
                        continue;
                }

                if (!await TryMoveNextAsync(source, stop).ConfigureAwait(false))
                {
                    stopped = !_exhausted;
                    continue;
                }

                var sent = new InFlight(source.Current, _time.GetTimestamp());
                lock (_unacked)
                {
                    _unacked[sent.Batch.BatchId] = sent;
                }

                await WriteAsync(call, sent.Batch.Message, reader).ConfigureAwait(false);
                MarkWritten(sent);
            }

            await CompleteAsync(call, reader).ConfigureAwait(false);
            await reader.WaitAsync(_options.AckTimeout, CancellationToken.None).ConfigureAwait(false);
            var pending = Pending;
            if (pending > 0)
            {
                return $"the server closed the stream with {pending} batch(es) unacknowledged";
            }

            return stopped ? "stopped before every batch was sent" : null;
        }
        finally
        {
            // Whatever ended the call, the reader is observed here: its failure is the call's status, reported above.
            await abort.CancelAsync().ConfigureAwait(false);
            await reader.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
    }

    // Counted once its first write went through; a batch whose first write failed is not "sent again" later.
    private void MarkWritten(InFlight sent)
    {
        _batchesSent++;
        _framesSent += sent.Batch.Frames;
        sent.Written = true;
    }

    private async Task<bool> TryMoveNextAsync(IAsyncEnumerator<OutgoingBatch<TBatch>> source, CancellationToken stop)
    {
        try
        {
            if (await source.MoveNextAsync().ConfigureAwait(false))
            {
                return true;
            }

            _exhausted = true;
            return false;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<Slot> WaitForSlotAsync(SemaphoreSlim window, Task reader, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return Slot.Stopped;
        }

        var slot = window.WaitAsync(stop);
        var first = await Task.WhenAny(slot, reader).WaitAsync(_options.AckTimeout, CancellationToken.None).ConfigureAwait(false);
        if (first == reader)
        {
            return Slot.ReaderEnded;
        }

        return slot.IsCanceled ? Slot.Stopped : Slot.Taken;
    }

    private async Task ReadAcksAsync(IAsyncStreamReader<BatchAck> acks, SemaphoreSlim window, CancellationToken abort)
    {
        await foreach (var ack in acks.ReadAllAsync(abort).ConfigureAwait(false))
        {
            InFlight? sent;
            lock (_unacked)
            {
                _unacked.Remove(ack.BatchId, out sent);
            }

            if (sent is null)
            {
                _observer?.OnUnexpectedAck(ack);
                continue;
            }

            Interlocked.Increment(ref _acknowledged);
            Interlocked.Exchange(ref _lastProgress, _time.GetTimestamp());
            _observer?.OnAcknowledged(sent.Batch, ack, _time.GetElapsedTime(Volatile.Read(ref sent.SentAt)));
            window.Release();
        }
    }

    /// <summary>Writes a batch; when the call has failed, surfaces its status (from the ack reader when it has one).</summary>
    private static async Task WriteAsync(AsyncDuplexStreamingCall<TBatch, BatchAck> call, TBatch message, Task reader)
    {
        try
        {
            await call.RequestStream.WriteAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or RpcException)
        {
            throw await CallStatusAsync(e, reader).ConfigureAwait(false);
        }
    }

    private static async Task CompleteAsync(AsyncDuplexStreamingCall<TBatch, BatchAck> call, Task reader)
    {
        try
        {
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or RpcException)
        {
            throw await CallStatusAsync(e, reader).ConfigureAwait(false);
        }
    }

    private static async Task<RpcException> CallStatusAsync(Exception e, Task reader)
    {
        await reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        return reader.Exception?.InnerException as RpcException
            ?? e as RpcException
            ?? new RpcException(new Status(StatusCode.Unavailable, e.Message));
    }

    private bool GaveUp() =>
        _options.ReconnectFor is { } limit && _time.GetElapsedTime(Interlocked.Read(ref _lastProgress)) >= limit;

    private string Describe(RpcException e) =>
        $"the stream failed: {IngestStatus.Describe(e)}" + (_reconnects > 0 ? $" (after {_reconnects} reconnects)" : "")
        + (IngestStatus.IsTransient(e) ? "" : "; not retried: sending the same batches again would fail the same way");

    private IngestStreamResult Result(string? failure) =>
        new(_batchesSent, _framesSent, Interlocked.Read(ref _acknowledged), _reconnects, _framesResent, Pending, failure);

    private enum Slot
    {
        Taken,
        ReaderEnded,
        Stopped,
    }

    /// <summary>A batch in flight. Only the sender writes its fields; the ack reader reads <see cref="SentAt"/>.</summary>
    private sealed class InFlight(OutgoingBatch<TBatch> batch, long sentAt)
    {
        public readonly OutgoingBatch<TBatch> Batch = batch;
        public long SentAt = sentAt;
        public bool Written;
    }
}
