using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Whole <see cref="LineBatch"/>es sent together. Collects the lines InfluxDB refuses while its parts are written,
/// then completes every batch at once.
/// </summary>
internal sealed class WriteRequest(long startedTimestamp)
{
    private readonly List<Segment> _batches = [];
    private Segment[]? _sealed;
    private Dictionary<LineBatch, List<LineDrop>>? _drops;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the first batch arrived.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    public int LineCount { get; private set; }

    public long ByteCount { get; private set; }

    public int DroppedCount { get; private set; }

    /// <summary>InfluxDB's reason for the first refused line, or null.</summary>
    public string? FirstDropReason { get; private set; }

    /// <summary>The batches as segments; valid once the request stops growing.</summary>
    public ReadOnlyMemory<Segment> Segments => _sealed ??= [.. _batches];

    public void Add(LineBatch batch)
    {
        _batches.Add(Segment.Whole(batch));
        LineCount += batch.LineCount;
        ByteCount += batch.Lines.Length;
    }

    /// <summary>Records that InfluxDB refused line <paramref name="lineInSegment"/> of <paramref name="segment"/>.</summary>
    public void Drop(Segment segment, int lineInSegment, string reason)
    {
        _drops ??= [];
        if (!_drops.TryGetValue(segment.Batch, out var drops))
        {
            drops = [];
            _drops.Add(segment.Batch, drops);
        }
        drops.Add(new LineDrop(segment.FirstLine + lineInSegment, reason));
        DroppedCount++;
        FirstDropReason ??= reason;
    }

    /// <summary>Completes every batch with the lines refused in it (in line order).</summary>
    public void Complete()
    {
        foreach (var segment in _batches)
        {
            if (_drops is not null && _drops.TryGetValue(segment.Batch, out var drops))
            {
                drops.Sort(static (a, b) => a.LineIndex.CompareTo(b.LineIndex));
                segment.Batch.SetWritten(drops);
            }
            else
            {
                segment.Batch.SetWritten([]);
            }
        }
    }

    public void Fail(Exception error)
    {
        foreach (var segment in _batches)
        {
            segment.Batch.SetFailed(error);
        }
    }
}
