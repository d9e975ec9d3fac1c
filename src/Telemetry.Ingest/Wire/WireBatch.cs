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
    private int _count;

    private WireBatch(byte[] bytes, FrameEntry[] frames, string[] sources, int count, ulong batchId, bool untracked)
    {
        _bytes = bytes;
        _frames = frames;
        _sources = sources;
        _count = count;
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

        ArrayPool<byte>.Shared.Return(bytes);
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
            ArrayPool<byte>.Shared.Return(bytes);
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
        _frames = null;
        _sources = null;
        _count = 0;
    }

    // FrameBatch: 1 batch_id, 2 frames, 3 untracked.
    private static bool TryIndex(byte[] bytes, int length, [NotNullWhen(true)] out WireBatch? batch, bool checkUtf8 = true)
    {
        batch = null;
        var frames = ArrayPool<FrameEntry>.Shared.Rent(InitialFrames);
        var sources = ArrayPool<string>.Shared.Rent(InitialFrames);
        int count = 0;
        ulong batchId = 0, untracked = 0;
        bool idSeen = false, untrackedSeen = false;
        var reader = new WireReader(bytes.AsSpan(0, length));
        bool ok = true;
        ReadOnlySpan<byte> lastSource = default;
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
                    if (!reader.TryReadLengthDelimited(out int start, out int frameLength))
                    {
                        ok = false;
                        break;
                    }

                    ReadOnlySpan<byte> frame = bytes.AsSpan(start, frameLength);
                    if (!FrameParser.TryRead(frame, out FrameHeader header, [], [], checkUtf8))
                    {
                        ok = false;
                        break;
                    }

                    if (count == frames.Length)
                    {
                        Grow(ref frames, count);
                        Grow(ref sources, count);
                    }

                    frames[count] = new FrameEntry(start, frameLength, header.Measurement, header.Sequence, header.TimestampNs);
                    ReadOnlySpan<byte> source = header.Source.In(frame);
                    sources[count] = count > 0 && source.SequenceEqual(lastSource) ? sources[count - 1] : NameCache.Get(source);
                    lastSource = source;
                    count++;
                    break;
                default:
                    ok = false;
                    break;
            }
        }

        if (!ok)
        {
            ArrayPool<FrameEntry>.Shared.Return(frames);
            ArrayPool<string>.Shared.Return(sources, clearArray: true);
            return false;
        }

        batch = new WireBatch(bytes, frames, sources, count, batchId, untracked != 0);
        return true;
    }

    private static void Grow<T>(ref T[] array, int count)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
        Array.Copy(array, larger, count);
        ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpersIsReference<T>());
        array = larger;
    }

    private static bool RuntimeHelpersIsReference<T>() => System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>();

    private ref readonly FrameEntry Entry(int index)
    {
        ObjectDisposedException.ThrowIf(_frames is null, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return ref _frames[index];
    }

    private readonly record struct FrameEntry(int Start, int Length, TextRef Measurement, ulong Sequence, long TimestampNs);
}
