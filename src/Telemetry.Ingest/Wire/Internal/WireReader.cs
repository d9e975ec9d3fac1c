using System.Runtime.CompilerServices;

namespace Telemetry.Ingest.Wire.Internal;

/// <summary>
/// Reads protobuf wire format from a span. Every method returns false instead of throwing on anything it does not
/// take for well formed (a truncated value, an over-long varint or length): the caller then lets the reference
/// parser decide, so that every error keeps exactly the status and message clients see from it.
/// </summary>
internal ref struct WireReader(ReadOnlySpan<byte> data)
{
    /// <summary>Protobuf wire types used by telemetry.v1.</summary>
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool End => _position >= _data.Length;

    /// <summary>Reads a one-byte tag (field numbers 1-15): longer tags only name fields telemetry.v1 does not have.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadTag(out int field, out int wireType)
    {
        if ((uint)_position < (uint)_data.Length)
        {
            byte tag = _data[_position];
            if (tag < 0x80)
            {
                _position++;
                field = tag >> 3;
                wireType = tag & 7;
                return field != 0;
            }
        }

        field = 0;
        wireType = 0;
        return false;
    }

    /// <summary>Reads a varint of at most 10 bytes whose tenth byte holds only the 64th bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadVarint(out ulong value)
    {
        if ((uint)_position < (uint)_data.Length && _data[_position] < 0x80)
        {
            value = _data[_position++];
            return true;
        }

        return TryReadLongVarint(out value);
    }

    /// <summary>Reads a length prefix and returns the offset and length of the bytes it covers, skipping them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadLengthDelimited(out int start, out int length)
    {
        start = 0;
        length = 0;
        if (!TryReadVarint(out ulong raw) || raw > (ulong)(_data.Length - _position))
        {
            return false;
        }

        start = _position;
        length = (int)raw;
        _position += length;
        return true;
    }

    /// <summary>Reads a little-endian 64-bit value.</summary>
    public bool TryReadFixed64(out ulong value)
    {
        if (_data.Length - _position < sizeof(ulong))
        {
            value = 0;
            return false;
        }

        value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += sizeof(ulong);
        return true;
    }

    private bool TryReadLongVarint(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if ((uint)_position >= (uint)_data.Length)
            {
                return false;
            }

            byte b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
