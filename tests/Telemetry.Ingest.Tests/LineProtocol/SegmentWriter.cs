using System.Buffers;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hands out a fresh segment per <see cref="GetSpan"/>, sized by a policy,
/// and keeps only what was advanced: like a pipe whose memory is not one array.
/// </summary>
internal sealed class SegmentWriter(Func<int, int> segmentSize) : IBufferWriter<byte>
{
    private readonly List<byte> _written = [];
    private byte[] _segment = [];

    public int GetSpanCalls { get; private set; }

    public byte[] Written => [.. _written];

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _segment.Length);
        _written.AddRange(_segment.AsSpan(0, count));
        _segment = [];
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => NewSegment(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => NewSegment(sizeHint).Span;

    private Memory<byte> NewSegment(int sizeHint)
    {
        GetSpanCalls++;
        _segment = new byte[segmentSize(sizeHint)];

        // Garbage in the segment shows up if the encoder ever relies on fresh memory being zeroed.
        _segment.AsSpan().Fill(0xEE);
        return _segment;
    }
}
