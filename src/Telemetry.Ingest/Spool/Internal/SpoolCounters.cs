namespace Telemetry.Ingest.Spool.Internal;

/// <summary>The spool's running counters, updated lock-free from the writer and the forwarder.</summary>
internal sealed class SpoolCounters
{
    private long _commits;
    private long _committedBatches;
    private long _commitTicks;
    private long _refusedFull;
    private long _forwardedLines;
    private long _deadLetteredLines;
    private long _skippedDamage;
    private long _oldestUnconfirmedUnixNs;

    public long Commits => Volatile.Read(ref _commits);

    public long CommittedBatches => Volatile.Read(ref _committedBatches);

    public TimeSpan CommitTime => TimeSpan.FromTicks(Volatile.Read(ref _commitTicks));

    public long RefusedFullBatches => Volatile.Read(ref _refusedFull);

    public long ForwardedLines => Volatile.Read(ref _forwardedLines);

    public long DeadLetteredLines => Volatile.Read(ref _deadLetteredLines);

    public long SkippedDamageBytes => Volatile.Read(ref _skippedDamage);

    /// <summary>When the oldest record InfluxDB has not confirmed was appended (Unix ns), or 0 when none is waiting.</summary>
    public long OldestUnconfirmedUnixNs
    {
        get => Volatile.Read(ref _oldestUnconfirmedUnixNs);
        set => Volatile.Write(ref _oldestUnconfirmedUnixNs, value);
    }

    public void Committed(int batches, TimeSpan took)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedBatches, batches);
        Interlocked.Add(ref _commitTicks, took.Ticks);
    }

    public void RefusedFull() => Interlocked.Increment(ref _refusedFull);

    public void Forwarded(int lines, int deadLettered)
    {
        Interlocked.Add(ref _forwardedLines, lines);
        Interlocked.Add(ref _deadLetteredLines, deadLettered);
    }

    public void Skipped(long bytes) => Interlocked.Add(ref _skippedDamage, bytes);
}
