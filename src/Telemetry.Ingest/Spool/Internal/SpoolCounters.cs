namespace Telemetry.Ingest.Spool.Internal;

/// <summary>The spool's running counters, updated lock-free from the writer and the forwarder.</summary>
internal sealed class SpoolCounters
{
    private long _commits;
    private long _committedBatches;
    private long _commitTicks;
    private long _refusedFull;
    private long _refusedFault;
    private long _writerFaults;
    private long _forwardedLines;
    private long _deadLetteredLines;
    private long _skippedDamage;
    private long _oldestUnconfirmedUnixNs;

    public long Commits => Volatile.Read(ref _commits);

    public long CommittedBatches => Volatile.Read(ref _committedBatches);

    public TimeSpan CommitTime => TimeSpan.FromTicks(Volatile.Read(ref _commitTicks));

    public long RefusedFullBatches => Volatile.Read(ref _refusedFull);

    /// <summary>Batches failed because the writer could not write to the folder.</summary>
    public long RefusedFaultBatches => Volatile.Read(ref _refusedFault);

    /// <summary>Times the writer went from healthy to faulted.</summary>
    public long WriterFaults => Volatile.Read(ref _writerFaults);

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

    public void RefusedFault(int batches) => Interlocked.Add(ref _refusedFault, batches);

    public void WriterFaulted() => Interlocked.Increment(ref _writerFaults);

    public void Forwarded(int lines, int deadLettered)
    {
        Interlocked.Add(ref _forwardedLines, lines);
        Interlocked.Add(ref _deadLetteredLines, deadLettered);
    }

    public void Skipped(long bytes) => Interlocked.Add(ref _skippedDamage, bytes);
}
