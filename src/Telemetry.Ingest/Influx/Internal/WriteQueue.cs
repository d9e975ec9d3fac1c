using System.Threading.Channels;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Admits batches under the byte bound (callers wait, FIFO, while it is full), groups them into requests of about
/// <c>BatchLines</c> lines or <c>FlushInterval</c> of age, and hands sealed requests to the writers.
/// </summary>
internal sealed class WriteQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Channel<WriteRequest> _ready = Channel.CreateUnbounded<WriteRequest>();
    private readonly Queue<EnqueueWaiter> _waiters = new();
    private readonly TimeProvider _time;
    private readonly ITimer _ageTimer;
    private readonly int _batchLines;
    private readonly TimeSpan _flushInterval;
    private readonly bool _flushWhenIdle;
    private readonly int _writers;
    private readonly long _maxBytes;
    private WriteRequest? _open;
    private long _pendingBytes;
    private long _pendingLines;
    private bool _closing;

    // Writers waiting with no sealed request for them; each seal hands its request to one of them. An open request
    // is sealed early only when every writer is idle: light load then goes out in one round trip, while under load
    // (some writer busy) requests keep filling towards the line count, which InfluxDB ingests more cheaply.
    private int _idleWriters;

    public WriteQueue(int batchLines, TimeSpan flushInterval, bool flushWhenIdle, int writers, long maxBytes, TimeProvider time)
    {
        _writers = writers;
        _batchLines = batchLines;
        _flushInterval = flushInterval;
        _flushWhenIdle = flushWhenIdle;
        _maxBytes = maxBytes;
        _time = time;
        _ageTimer = time.CreateTimer(static state => ((WriteQueue)state!).OnAgeTimer(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ChannelReader<WriteRequest> Ready => _ready.Reader;

    public long PendingBytes => Volatile.Read(ref _pendingBytes);

    public long PendingLines => Volatile.Read(ref _pendingLines);

    /// <summary>Admits <paramref name="batch"/>, waiting while the bound is exceeded.</summary>
    public ValueTask EnqueueAsync(LineBatch batch, CancellationToken ct)
    {
        EnqueueWaiter waiter;
        lock (_lock)
        {
            if (_closing)
            {
                var error = ThrowHelper.NotAccepting();
                batch.SetFailed(error);
                return ValueTask.FromException(error);
            }
            if (_waiters.Count == 0 && Fits(batch))
            {
                AdmitLocked(batch);
                return default;
            }
            waiter = new EnqueueWaiter(batch, this);
            _waiters.Enqueue(waiter);
        }
        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(static (state, token) =>
            {
                var waiter = (EnqueueWaiter)state!;
                waiter.Queue.Cancel(waiter, token);
            }, waiter);
            // Registered outside the lock: a writer may have admitted the waiter meanwhile (and unregistered the
            // empty registration it found). Then this registration must not outlive the wait.
            lock (_lock)
            {
                if (!waiter.Done)
                {
                    waiter.Registration = registration;
                    registration = default;
                }
            }
            registration.Dispose();
        }
        return new ValueTask(waiter.Task);
    }

    /// <summary>
    /// A writer found no sealed request and is about to wait: with idle flushing, the open request is sealed for it.
    /// </summary>
    public void WriterIdle()
    {
        lock (_lock)
        {
            if (_ready.Reader.Count > 0)
            {
                return;
            }
            _idleWriters++;
            if (AllWritersIdleLocked() && _open is not null)
            {
                SealLocked();
            }
        }
    }

    /// <summary>Gives back the room of a finished request and admits waiting batches.</summary>
    public void Release(WriteRequest request)
    {
        lock (_lock)
        {
            _pendingBytes -= request.ByteCount;
            _pendingLines -= request.LineCount;
            AdmitWaitersLocked();
        }
    }

    /// <summary>Stops accepting; batches already waiting are still admitted, then the last request is sealed.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closing = true;
            CloseIfDrainedLocked();
        }
    }

    /// <summary>Stops accepting and fails everything not yet taken by a writer.</summary>
    public void FailAll(Exception error)
    {
        lock (_lock)
        {
            _closing = true;
            while (_waiters.TryDequeue(out var waiter))
            {
                if (!waiter.Done)
                {
                    waiter.Done = true;
                    waiter.Batch.SetFailed(error);
                    waiter.TrySetException(error);
                }
            }
            SealLocked();
            _ready.Writer.TryComplete();
        }
        while (_ready.Reader.TryRead(out var request))
        {
            request.Fail(error);
        }
    }

    public void Dispose() => _ageTimer.Dispose();

    private bool AllWritersIdleLocked() => _flushWhenIdle && _idleWriters >= _writers;

    private bool Fits(LineBatch batch) => _pendingBytes == 0 || _pendingBytes + batch.Lines.Length <= _maxBytes;

    private void AdmitLocked(LineBatch batch)
    {
        _pendingBytes += batch.Lines.Length;
        _pendingLines += batch.LineCount;
        if (_open is not null && _open.LineCount + batch.LineCount > _batchLines)
        {
            SealLocked();
        }
        if (_open is null)
        {
            _open = new WriteRequest(_time.GetTimestamp());
            _ageTimer.Change(_flushInterval, Timeout.InfiniteTimeSpan);
        }
        _open.Add(batch);
        if (_open.LineCount >= _batchLines || AllWritersIdleLocked())
        {
            SealLocked();
        }
    }

    private void SealLocked()
    {
        if (_open is not null)
        {
            _ready.Writer.TryWrite(_open);
            _open = null;
            if (_idleWriters > 0)
            {
                _idleWriters--;
            }
        }
    }

    private void AdmitWaitersLocked()
    {
        while (_waiters.TryPeek(out var waiter) && (waiter.Done || Fits(waiter.Batch)))
        {
            _waiters.Dequeue();
            if (!waiter.Done)
            {
                waiter.Done = true;
                AdmitLocked(waiter.Batch);
                waiter.Registration.Unregister();
                waiter.TrySetResult();
            }
        }
        CloseIfDrainedLocked();
    }

    private void CloseIfDrainedLocked()
    {
        if (_closing && _waiters.All(static w => w.Done))
        {
            SealLocked();
            _ready.Writer.TryComplete();
        }
    }

    private void OnAgeTimer()
    {
        lock (_lock)
        {
            if (_open is null)
            {
                return;
            }
            var age = _time.GetElapsedTime(_open.StartedTimestamp);
            if (age >= _flushInterval)
            {
                SealLocked();
            }
            else
            {
                _ageTimer.Change(_flushInterval - age, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Cancel(EnqueueWaiter waiter, CancellationToken token)
    {
        lock (_lock)
        {
            if (waiter.Done)
            {
                return;
            }
            waiter.Done = true;
            AdmitWaitersLocked();
        }
        waiter.Batch.SetFailed(new OperationCanceledException(token));
        waiter.TrySetCanceled(token);
    }
}
