using System.Text;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Tests.Spool;

/// <summary>
/// A stand-in for the InfluxDB writer behind the spool: keeps a copy of every batch forwarded to it and answers
/// at once, or holds every batch while <see cref="Hold"/> is set (InfluxDB down).
/// </summary>
internal sealed class RecordingSink : ILineSink
{
    private readonly Lock _lock = new();
    private readonly List<(ulong BatchId, string Lines, int[] FrameIndexes)> _received = [];
    private readonly List<LineBatch> _held = [];

    public AckDurability Durability => AckDurability.Database;

    public bool Hold { get; set; }

    /// <summary>How many of the next batches fail with an unexpected error (a writer bug, not InfluxDB's answer).</summary>
    public int FailNext { get; set; }

    public IReadOnlyList<(ulong BatchId, string Lines, int[] FrameIndexes)> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public ValueTask EnqueueAsync(LineBatch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Hold)
            {
                _held.Add(batch);
                return default;
            }
            if (FailNext > 0)
            {
                FailNext--;
                batch.SetFailed(new InvalidOperationException("writer failed unexpectedly"));
                return default;
            }
            _received.Add((batch.BatchId, Encoding.UTF8.GetString(batch.Lines.Span), batch.FrameIndexes.ToArray()));
        }
        batch.SetWritten([]);
        return default;
    }

    /// <summary>Answers every held batch (InfluxDB is back) and stops holding.</summary>
    public void Release()
    {
        LineBatch[] held;
        lock (_lock)
        {
            Hold = false;
            held = [.. _held];
            _held.Clear();
            foreach (var batch in held)
            {
                _received.Add((batch.BatchId, Encoding.UTF8.GetString(batch.Lines.Span), batch.FrameIndexes.ToArray()));
            }
        }
        foreach (var batch in held)
        {
            batch.SetWritten([]);
        }
    }

    /// <summary>Fails every held batch, as the writer does when it stops before InfluxDB answered.</summary>
    public void FailHeld()
    {
        LineBatch[] held;
        lock (_lock)
        {
            held = [.. _held];
            _held.Clear();
        }
        foreach (var batch in held)
        {
            batch.SetFailed(new SinkClosedException("stopped"));
        }
    }
}
