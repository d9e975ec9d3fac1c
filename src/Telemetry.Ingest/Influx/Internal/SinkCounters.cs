namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Running totals of the sink, updated by concurrent writers.</summary>
internal sealed class SinkCounters
{
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

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the first failure of the current run of transient failures; 0 while InfluxDB answers.</summary>
    public long FailingSince => Volatile.Read(ref _failingSince);

    /// <summary>The latest transient failure, while failing.</summary>
    public string? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>A write failed transiently (429, 5xx, timeout, network) at <paramref name="timestamp"/>.</summary>
    public void AddRetry(long timestamp, string failure)
    {
        Interlocked.Increment(ref _retries);
        Volatile.Write(ref _lastFailure, failure);
        Interlocked.CompareExchange(ref _failingSince, timestamp, 0);
    }

    /// <summary>InfluxDB answered a write (whatever it said): it is reachable again.</summary>
    public void MarkAnswered()
    {
        if (Volatile.Read(ref _failingSince) != 0)
        {
            Volatile.Write(ref _failingSince, 0);
            Volatile.Write(ref _lastFailure, null);
        }
    }
}
