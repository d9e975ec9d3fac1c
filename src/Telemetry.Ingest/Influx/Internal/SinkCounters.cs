namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Running totals of the sink, updated by concurrent writers, and when InfluxDB last answered.</summary>
internal sealed class SinkCounters
{
    private readonly Lock _lock = new();
    private readonly List<long> _inFlight = [];
    private long _lastAnswered;
    private long _written;
    private long _dropped;
    private long _retries;
    private long _failingSince;
    private string? _lastFailure;

    public long Written => Volatile.Read(ref _written);

    public long Dropped => Volatile.Read(ref _dropped);

    public long Retries => Volatile.Read(ref _retries);

    public void AddAnswered(WriteRequest request)
    {
        Interlocked.Add(ref _written, request.LineCount - request.DroppedCount);
        Interlocked.Add(ref _dropped, request.DroppedCount);
    }

    /// <summary>A write request was sent at <paramref name="timestamp"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void RequestSent(long timestamp)
    {
        lock (_lock)
        {
            _inFlight.Add(timestamp);
        }
    }

    /// <summary>The request sent at <paramref name="timestamp"/> ended (answered or failed).</summary>
    public void RequestEnded(long timestamp)
    {
        lock (_lock)
        {
            _inFlight.Remove(timestamp);
        }
    }

    /// <summary>When the oldest request still waiting for InfluxDB was sent; 0 when none waits.</summary>
    public long OldestInFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count == 0 ? 0 : _inFlight.Min();
            }
        }
    }

    /// <summary>When InfluxDB last answered a write (whatever it said); 0 before the first answer.</summary>
    public long LastAnswered => Volatile.Read(ref _lastAnswered);

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) at which the first request of the current run of transient failures was sent; 0 while InfluxDB answers.</summary>
    public long FailingSince => Volatile.Read(ref _failingSince);

    /// <summary>The latest transient failure, while failing.</summary>
    public string? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>A write sent at <paramref name="timestamp"/> failed transiently (429, 5xx, timeout, network).</summary>
    public void AddRetry(long timestamp, string failure)
    {
        Interlocked.Increment(ref _retries);
        Volatile.Write(ref _lastFailure, failure);
        Interlocked.CompareExchange(ref _failingSince, timestamp, 0);
    }

    /// <summary>InfluxDB answered a write (whatever it said): it is reachable again.</summary>
    public void MarkAnswered(long timestamp)
    {
        Volatile.Write(ref _lastAnswered, timestamp);
        if (Volatile.Read(ref _failingSince) != 0)
        {
            Volatile.Write(ref _failingSince, 0);
            Volatile.Write(ref _lastFailure, null);
        }
    }
}
