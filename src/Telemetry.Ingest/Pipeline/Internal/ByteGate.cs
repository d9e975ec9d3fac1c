namespace Telemetry.Ingest.Pipeline.Internal;

/// <summary>
/// An async byte budget: <see cref="WaitAsync"/> takes room (waiting, first come first served, while the budget is
/// spent) and <see cref="Release"/> gives it back. A request larger than the whole budget is let through alone once
/// nothing else holds room, so no batch waits forever.
/// </summary>
internal sealed class ByteGate
{
    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _waiters = new();
    private readonly long _capacity;
    private long _used;
    private Exception? _closed;

    public ByteGate(long capacity) => _capacity = capacity;

    /// <summary>Bytes currently held.</summary>
    public long Used => Volatile.Read(ref _used);

    public ValueTask WaitAsync(long bytes, CancellationToken ct)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_closed is not null)
            {
                return ValueTask.FromException(_closed);
            }
            if (_waiters.Count == 0 && FitsLocked(bytes))
            {
                _used += bytes;
                return default;
            }
            waiter = new Waiter(bytes);
            _waiters.Enqueue(waiter);
        }
        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(static (state, token) => ((Waiter)state!).TrySetCanceled(token), waiter);
            // Registered outside the lock: if the waiter was admitted meanwhile, the registration must not outlive it.
            if (!waiter.TrySetRegistration(registration))
            {
                registration.Dispose();
            }
        }
        return new ValueTask(waiter.Task);
    }

    public void Release(long bytes)
    {
        List<Waiter>? admitted = null;
        lock (_lock)
        {
            _used -= bytes;
            while (_waiters.TryPeek(out var waiter) && (waiter.Task.IsCompleted || FitsLocked(waiter.Bytes)))
            {
                _waiters.Dequeue();
                if (waiter.TryAdmit())
                {
                    _used += waiter.Bytes;
                    (admitted ??= []).Add(waiter);
                }
            }
        }
        if (admitted is not null)
        {
            foreach (var waiter in admitted)
            {
                waiter.Complete();
            }
        }
    }

    /// <summary>Fails every waiter and every later wait with <paramref name="error"/>.</summary>
    public void Close(Exception error)
    {
        Waiter[] waiters;
        lock (_lock)
        {
            _closed ??= error;
            waiters = [.. _waiters];
            _waiters.Clear();
        }
        foreach (var waiter in waiters)
        {
            waiter.TrySetException(error);
        }
    }

    private bool FitsLocked(long bytes) => _used == 0 || _used + bytes <= _capacity;

    private sealed class Waiter(long bytes) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private const int Waiting = 0;
        private const int Admitted = 1;
        private readonly Lock _sync = new();
        private int _state;
        private CancellationTokenRegistration _registration;
        private bool _registered;

        public long Bytes { get; } = bytes;

        /// <summary>Claims the waiter for admission; false when it was cancelled or failed first.</summary>
        public bool TryAdmit() => !Task.IsCompleted && Interlocked.CompareExchange(ref _state, Admitted, Waiting) == Waiting;

        public void Complete()
        {
            lock (_sync)
            {
                if (_registered)
                {
                    _registration.Dispose();
                }
                _registered = false;
            }
            TrySetResult();
        }

        public new bool TrySetCanceled(CancellationToken token) =>
            Interlocked.CompareExchange(ref _state, -1, Waiting) == Waiting && base.TrySetCanceled(token);

        public new bool TrySetException(Exception error) =>
            Interlocked.CompareExchange(ref _state, -1, Waiting) == Waiting && base.TrySetException(error);

        /// <summary>Keeps the registration for disposal at admission; false when the wait is already over.</summary>
        public bool TrySetRegistration(CancellationTokenRegistration registration)
        {
            lock (_sync)
            {
                if (Volatile.Read(ref _state) != Waiting)
                {
                    return false;
                }
                _registration = registration;
                _registered = true;
                return true;
            }
        }
    }
}
