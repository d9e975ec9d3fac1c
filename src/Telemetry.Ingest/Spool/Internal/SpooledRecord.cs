using System.Buffers;
using System.Buffers.Binary;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// One batch read back from a segment: its payload in an array rented from the pool. The reader hands ownership
/// to whoever it gives the record to, who disposes it once the lines are no longer needed.
/// </summary>
internal sealed class SpooledRecord : IDisposable
{
    private byte[] _payload;
    private int[]? _frameIndexes;

    public SpooledRecord(byte[] payload, int payloadLength, ulong batchId, long appendedUnixNs, int lineCount,
        long segmentId, long startOffset)
    {
        _payload = payload;
        PayloadLength = payloadLength;
        BatchId = batchId;
        AppendedUnixNs = appendedUnixNs;
        LineCount = lineCount;
        SegmentId = segmentId;
        StartOffset = startOffset;
    }

    public int PayloadLength { get; }

    public ulong BatchId { get; }

    public long AppendedUnixNs { get; }

    public int LineCount { get; }

    public long SegmentId { get; }

    /// <summary>Offset of the record's header within its segment file.</summary>
    public long StartOffset { get; }

    /// <summary>Offset just past the record: where the next one starts.</summary>
    public long EndOffset => StartOffset + SpoolRecord.HeaderBytes + PayloadLength;

    /// <summary>Bytes the record takes on disk.</summary>
    public int RecordBytes => SpoolRecord.HeaderBytes + PayloadLength;

    public ReadOnlyMemory<byte> Lines
    {
        get
        {
            var start = SpoolRecord.PrefixBytes + (4 * LineCount);
            return _payload.AsMemory(start, PayloadLength - start);
        }
    }

    /// <summary>The frame index of each line (decoded on first use, into a pooled array).</summary>
    public ReadOnlyMemory<int> FrameIndexes
    {
        get
        {
            if (_frameIndexes is null)
            {
                _frameIndexes = ArrayPool<int>.Shared.Rent(Math.Max(LineCount, 1));
                var bytes = _payload.AsSpan(SpoolRecord.PrefixBytes, 4 * LineCount);
                for (var i = 0; i < LineCount; i++)
                {
                    _frameIndexes[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
                }
            }
            return _frameIndexes.AsMemory(0, LineCount);
        }
    }

    public void Dispose()
    {
        var payload = Interlocked.Exchange(ref _payload, []);
        if (payload.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
        if (Interlocked.Exchange(ref _frameIndexes, null) is { } indexes)
        {
            ArrayPool<int>.Shared.Return(indexes);
        }
    }
}
