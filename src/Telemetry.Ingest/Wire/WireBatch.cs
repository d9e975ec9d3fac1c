using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.Wire;

/// <summary>
/// A <c>telemetry.v1.FrameBatch</c> kept as its serialized bytes (in pooled arrays) with an index of its frames:
/// what the server reads from gRPC instead of message objects, and what the encoder writes line protocol from.
/// Dispose it once nothing reads it any more (after its acknowledgement); until then it is safe to read from
/// several threads.
/// </summary>
public sealed class WireBatch : IDisposable
{
    private const int InitialFrames = 128;

    private byte[]? _bytes;
    private FrameEntry[]? _frames;
    private string[]? _sources;
    private TagRef[]? _tags;
    private FieldRef[]? _fields;
    private int _count;

    private WireBatch(in Index index, ulong batchId, bool untracked)
    {
        _bytes = index.Bytes;
        _frames = index.Frames;
        _sources = index.Sources;
        _tags = index.Tags;
        _fields = index.Fields;
        _count = index.Count;
        BatchId = batchId;
        Untracked = untracked;
    }

    /// <summary>The client's batch id.</summary>
    public ulong BatchId { get; }

    /// <summary>The batch's <c>untracked</c> flag: no duplicate or gap tracking for its frames.</summary>
    public bool Untracked { get; }

    /// <summary>Number of frames.</summary>
    public int Count => _count;

    /// <summary>Whether the reference parser read the batch (valid protobuf the fast path does not take, e.g. unknown fields).</summary>
    public bool ReadByReferenceParser { get; private set; }

    /// <summary>The serialized <c>Frame</c> at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> FrameAt(int index)
    {
        ref readonly FrameEntry entry = ref Entry(index);
        return _bytes.AsSpan(entry.Start, entry.Length);
    }

    /// <summary>The frame at <paramref name="index"/> with its tags and fields located, as the encoder reads it.</summary>
    internal ReadOnlySpan<byte> FrameAt(int index, out FrameHeader header, out ReadOnlySpan<TagRef> tags, out ReadOnlySpan<FieldRef> fields)
    {
        ref readonly FrameEntry entry = ref Entry(index);
        header = new FrameHeader
        {
            Source = entry.Source,
            Measurement = entry.Measurement,
            Sequence = entry.Sequence,
            TimestampNs = entry.TimestampNs,
            TagCount = entry.TagCount,
            FieldCount = entry.FieldCount,
        };
        tags = _tags.AsSpan(entry.FirstTag, entry.TagCount);
        fields = _fields.AsSpan(entry.FirstField, entry.FieldCount);
        return _bytes.AsSpan(entry.Start, entry.Length);
    }

    /// <summary>The source of the frame at <paramref name="index"/> ("" when unset).</summary>
    public string SourceOf(int index)
    {
        Entry(index);
        return _sources![index];
    }

    /// <summary>The measurement of the frame at <paramref name="index"/> ("" when unset).</summary>
    public string MeasurementOf(int index)
    {
        ref readonly FrameEntry entry = ref Entry(index);
        return NameCache.Get(_bytes.AsSpan(entry.Start, entry.Length).Slice(entry.Measurement.Start, entry.Measurement.Length));
    }

    /// <summary>The sequence number of the frame at <paramref name="index"/>.</summary>
    public ulong SequenceOf(int index) => Entry(index).Sequence;

    /// <summary>The timestamp of the frame at <paramref name="index"/>, in ns since the Unix epoch (0 when unset).</summary>
    public long TimestampOf(int index) => Entry(index).TimestampNs;

    /// <summary>
    /// Reads a serialized FrameBatch. Throws <see cref="InvalidProtocolBufferException"/> exactly when
    /// <c>FrameBatch.Parser</c> would, with its message.
    /// </summary>
    public static WireBatch Parse(ReadOnlySequence<byte> payload)
    {
        int length = checked((int)payload.Length);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        payload.CopyTo(bytes);
        if (TryIndex(bytes, length, out WireBatch? batch))
        {
            return batch;
        }

        // Valid protobuf the fast path does not take, or invalid protobuf: the reference parser decides.
        WireBatch normalized = From(FrameBatch.Parser.ParseFrom(payload));
        normalized.ReadByReferenceParser = true;
        return normalized;
    }

    /// <summary>Serializes <paramref name="batch"/> into a wire batch (for in-process callers and tests).</summary>
    public static WireBatch From(FrameBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Math.Max(FrameWriter.BatchSize(batch), 1));
        int length = FrameWriter.WriteBatch(batch, bytes);
        if (!TryIndex(bytes, length, out WireBatch? wire, checkUtf8: false))
        {
            throw new InvalidOperationException("a serialized frame batch did not read back");
        }

        return wire;
    }

    /// <summary>Returns the pooled arrays; the batch must not be read afterwards.</summary>
    public void Dispose()
    {
        byte[]? bytes = Interlocked.Exchange(ref _bytes, null);
        if (bytes is null)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<FrameEntry>.Shared.Return(_frames!);
        ArrayPool<string>.Shared.Return(_sources!, clearArray: true);
        ArrayPool<TagRef>.Shared.Return(_tags!);
        ArrayPool<FieldRef>.Shared.Return(_fields!);
        _frames = null;
        _sources = null;
        _tags = null;
        _fields = null;
        _count = 0;
    }

    // FrameBatch: 1 batch_id, 2 frames, 3 untracked.
    /// <summary>Indexes the batch in <paramref name="bytes"/>; on false every array, <paramref name="bytes"/> too, is returned.</summary>
    private static bool TryIndex(byte[] bytes, int length, [NotNullWhen(true)] out WireBatch? batch, bool checkUtf8 = true)
    {
        batch = null;
        var index = new Index(bytes);
        ulong batchId = 0, untracked = 0;
        bool idSeen = false, untrackedSeen = false;
        var reader = new WireReader(bytes.AsSpan(0, length));
        bool ok = true;
        while (ok && !reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                ok = false;
                break;
            }

            switch (number, wireType)
            {
                case (1, WireReader.Varint) when !idSeen:
                    idSeen = true;
                    ok = reader.TryReadVarint(out batchId);
                    break;
                case (3, WireReader.Varint) when !untrackedSeen:
                    untrackedSeen = true;
                    ok = reader.TryReadVarint(out untracked);
                    break;
                case (2, WireReader.LengthDelimited):
                    ok = reader.TryReadLengthDelimited(out int start, out int frameLength) && index.TryAdd(start, frameLength, checkUtf8);
                    break;
                default:
                    ok = false;
                    break;
            }
        }

        if (!ok)
        {
            index.Return();
            return false;
        }

        batch = new WireBatch(index, batchId, untracked != 0);
        return true;
    }

    private static void Grow<T>(ref T[] array, int count, int needed)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(array.Length * 2, count + needed));
        Array.Copy(array, larger, count);
        ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        array = larger;
    }

    /// <summary>The pooled arrays a batch's index is built in.</summary>
    private struct Index(byte[] bytes)
    {
        public readonly byte[] Bytes = bytes;
        public FrameEntry[] Frames = ArrayPool<FrameEntry>.Shared.Rent(InitialFrames);
        public string[] Sources = ArrayPool<string>.Shared.Rent(InitialFrames);
        public TagRef[] Tags = ArrayPool<TagRef>.Shared.Rent(InitialFrames * 4);
        public FieldRef[] Fields = ArrayPool<FieldRef>.Shared.Rent(InitialFrames * 8);
        public int Count;
        private int _tagCount;
        private int _fieldCount;

        public bool TryAdd(int start, int length, bool checkUtf8)
        {
            ReadOnlySpan<byte> frame = Bytes.AsSpan(start, length);
            if (!FrameParser.TryRead(frame, out FrameHeader header, Tags.AsSpan(_tagCount), Fields.AsSpan(_fieldCount), checkUtf8))
            {
                return false;
            }

            if (_tagCount + header.TagCount > Tags.Length || _fieldCount + header.FieldCount > Fields.Length)
            {
                // More tags or fields than there was room for: grow, and read the frame again into the room.
                Grow(ref Tags, _tagCount, header.TagCount);
                Grow(ref Fields, _fieldCount, header.FieldCount);
                FrameParser.TryRead(frame, out header, Tags.AsSpan(_tagCount), Fields.AsSpan(_fieldCount), checkUtf8: false);
            }

            if (Count == Frames.Length)
            {
                Grow(ref Frames, Count, 1);
                Grow(ref Sources, Count, 1);
            }

            Frames[Count] = new FrameEntry(start, length, header.Source, header.Measurement, header.Sequence, header.TimestampNs,
                _tagCount, header.TagCount, _fieldCount, header.FieldCount);
            ReadOnlySpan<byte> source = header.Source.In(frame);
            Sources[Count] = Count > 0 && source.SequenceEqual(Frames[Count - 1].Source.In(Bytes.AsSpan(Frames[Count - 1].Start)))
                ? Sources[Count - 1]
                : NameCache.Get(source);
            _tagCount += header.TagCount;
            _fieldCount += header.FieldCount;
            Count++;
            return true;
        }

        public readonly void Return()
        {
            ArrayPool<byte>.Shared.Return(Bytes);
            ArrayPool<FrameEntry>.Shared.Return(Frames);
            ArrayPool<string>.Shared.Return(Sources, clearArray: true);
            ArrayPool<TagRef>.Shared.Return(Tags);
            ArrayPool<FieldRef>.Shared.Return(Fields);
        }
    }

    private ref readonly FrameEntry Entry(int index)
    {
        ObjectDisposedException.ThrowIf(_frames is null, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return ref _frames[index];
    }

    private readonly record struct FrameEntry(
        int Start, int Length, TextRef Source, TextRef Measurement, ulong Sequence, long TimestampNs,
        int FirstTag, int TagCount, int FirstField, int FieldCount);
}
