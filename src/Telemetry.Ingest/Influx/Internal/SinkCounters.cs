namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Running totals of the sink, updated by concurrent writers.</summary>
internal sealed class SinkCounters
{
    private long _written;
    private long _dropped;
    private long _retries;

    public long Written => Volatile.Read(ref _written);

    public long Dropped => Volatile.Read(ref _dropped);

    public long Retries => Volatile.Read(ref _retries);

    public void AddAnswered(WriteRequest request)
    {
        Interlocked.Add(ref _written, request.LineCount - request.DroppedCount);
        Interlocked.Add(ref _dropped, request.DroppedCount);
    }

    public void AddRetry() => Interlocked.Increment(ref _retries);
}
