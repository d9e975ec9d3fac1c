using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// The on-disk record of one spooled batch, little-endian:
/// <code>
/// header  magic u32 | payload length u32 | checksum of the first 8 bytes u32 | checksum of the payload u32
/// payload batch id u64 | appended at (Unix ns) i64 | line count u32 | frame index u32 × line count | lines
/// </code>
/// Checksums are the low 32 bits of XxHash3.
/// The header's own checksum lets recovery tell a damaged length from a damaged payload and find the next record
/// after damage (resynchronise on the magic) without trusting a corrupt length.
/// </summary>
internal static class SpoolRecord
{
    public const uint Magic = 0x4C505354; // "TSPL" read little-endian
    public const int HeaderBytes = 16;
    public const int PrefixBytes = 20;

    /// <summary>Largest payload accepted when reading: a larger length is damage, whatever its checksum says.</summary>
    public const int MaxPayloadBytes = 1 << 30;

    public static int Size(int lineCount, int lineBytes) => HeaderBytes + PrefixBytes + (4 * lineCount) + lineBytes;

    /// <summary>Writes a record into <paramref name="destination"/>, which holds exactly <see cref="Size"/> bytes.</summary>
    public static void Write(Span<byte> destination, ulong batchId, long appendedUnixNs, ReadOnlySpan<int> frameIndexes,
        int lineCount, ReadOnlySpan<byte> lines)
    {
        var payload = destination[HeaderBytes..];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, batchId);
        BinaryPrimitives.WriteInt64LittleEndian(payload[8..], appendedUnixNs);
        BinaryPrimitives.WriteInt32LittleEndian(payload[16..], lineCount);
        var indexes = payload.Slice(PrefixBytes, 4 * lineCount);
        for (var i = 0; i < lineCount; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(indexes[(4 * i)..], i < frameIndexes.Length ? frameIndexes[i] : i);
        }
        lines.CopyTo(payload[(PrefixBytes + (4 * lineCount))..]);

        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Checksum(destination[..8]));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], Checksum(payload));
    }

    /// <summary>
    /// Reads the header at the start of <paramref name="buffer"/>: <see cref="HeaderStatus.Incomplete"/> when fewer
    /// than <see cref="HeaderBytes"/> bytes are there, <see cref="HeaderStatus.Damaged"/> when magic, checksum or
    /// length are wrong.
    /// </summary>
    public static HeaderStatus ReadHeader(in ReadOnlySequence<byte> buffer, out int payloadLength, out uint payloadChecksum)
    {
        payloadLength = 0;
        payloadChecksum = 0;
        if (buffer.Length < HeaderBytes)
        {
            return HeaderStatus.Incomplete;
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != Checksum(header[..8]))
        {
            return HeaderStatus.Damaged;
        }
        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        payloadChecksum = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        return payloadLength is < PrefixBytes or > MaxPayloadBytes ? HeaderStatus.Damaged : HeaderStatus.Valid;
    }

    /// <summary>
    /// Checks a payload copied out of the file and reads its prefix; false when its checksum or line count is wrong.
    /// </summary>
    public static bool TryReadPayload(ReadOnlySpan<byte> payload, uint expectedChecksum, out ulong batchId, out long appendedUnixNs,
        out int lineCount)
    {
        batchId = BinaryPrimitives.ReadUInt64LittleEndian(payload);
        appendedUnixNs = BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);
        lineCount = BinaryPrimitives.ReadInt32LittleEndian(payload[16..]);
        return Checksum(payload) == expectedChecksum && lineCount >= 0 && (long)PrefixBytes + (4L * lineCount) <= payload.Length;
    }

    /// <summary>Offset within <paramref name="buffer"/> of the first byte that could start a record after damage, or -1.</summary>
    public static long FindNextMagic(in ReadOnlySequence<byte> buffer, long from)
    {
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, Magic);
        var reader = new SequenceReader<byte>(buffer.Slice(from));
        while (reader.TryAdvanceTo(magic[0], advancePastDelimiter: false))
        {
            if (reader.IsNext(magic))
            {
                return from + reader.Consumed;
            }
            reader.Advance(1);
        }
        return -1;
    }

    // XxHash3 (System.IO.Hashing) is vectorised and several times faster than the package's table CRC-32; its low
    // 32 bits detect torn and flipped bytes as well as a CRC would for records of this size.
    private static uint Checksum(ReadOnlySpan<byte> data) => (uint)XxHash3.HashToUInt64(data);
}

/// <summary>The state of a record header read from a segment.</summary>
internal enum HeaderStatus
{
    Valid,
    Incomplete,
    Damaged,
}
