namespace Telemetry.Ingest.Wire.Internal;

/// <summary>
/// Reads one serialized <c>telemetry.v1.Frame</c> as the server's fast path takes it: every member at most once,
/// no unknown fields, the wire types the schema gives. Anything else (legal protobuf too: a repeated scalar whose
/// last value wins, an unknown field) returns false, and the reference parser takes the message instead.
/// </summary>
internal static class FrameParser
{
    // Frame: 1 source, 2 sequence, 3 timestamp_ns, 4 measurement, 5 tags, 6 fields.
    // Tag: 1 key, 2 value. Field: 1 key, 2 double, 3 int64, 4 bool, 5 string.
    private const int SourceSeen = 1, SequenceSeen = 2, TimestampSeen = 4, MeasurementSeen = 8;

    /// <summary>
    /// Reads <paramref name="frame"/>. Tags and fields are stored while <paramref name="tags"/> and
    /// <paramref name="fields"/> have room; the header counts them all. With <paramref name="checkUtf8"/>, text
    /// that is not valid UTF-8 also returns false.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> frame, out FrameHeader header, Span<TagRef> tags, Span<FieldRef> fields, bool checkUtf8)
    {
        header = default;
        var reader = new WireReader(frame);
        int seen = 0;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                return false;
            }

            switch (number)
            {
                case 1 when wireType == WireReader.LengthDelimited && (seen & SourceSeen) == 0:
                    seen |= SourceSeen;
                    if (!TryReadText(ref reader, frame, checkUtf8, out header.Source))
                    {
                        return false;
                    }

                    break;
                case 2 when wireType == WireReader.Varint && (seen & SequenceSeen) == 0:
                    seen |= SequenceSeen;
                    if (!reader.TryReadVarint(out header.Sequence))
                    {
                        return false;
                    }

                    break;
                case 3 when wireType == WireReader.Varint && (seen & TimestampSeen) == 0:
                    seen |= TimestampSeen;
                    if (!reader.TryReadVarint(out ulong timestamp))
                    {
                        return false;
                    }

                    header.TimestampNs = unchecked((long)timestamp);
                    break;
                case 4 when wireType == WireReader.LengthDelimited && (seen & MeasurementSeen) == 0:
                    seen |= MeasurementSeen;
                    if (!TryReadText(ref reader, frame, checkUtf8, out header.Measurement))
                    {
                        return false;
                    }

                    break;
                case 5 when wireType == WireReader.LengthDelimited:
                    if (!reader.TryReadLengthDelimited(out int tagStart, out int tagLength)
                        || !TryReadTag(frame.Slice(tagStart, tagLength), tagStart, checkUtf8, out TagRef tag))
                    {
                        return false;
                    }

                    if (header.TagCount < tags.Length)
                    {
                        tags[header.TagCount] = tag;
                    }

                    header.TagCount++;
                    break;
                case 6 when wireType == WireReader.LengthDelimited:
                    if (!reader.TryReadLengthDelimited(out int fieldStart, out int fieldLength)
                        || !TryReadField(frame.Slice(fieldStart, fieldLength), fieldStart, checkUtf8, out FieldRef field))
                    {
                        return false;
                    }

                    if (header.FieldCount < fields.Length)
                    {
                        fields[header.FieldCount] = field;
                    }

                    header.FieldCount++;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool TryReadTag(ReadOnlySpan<byte> message, int offset, bool checkUtf8, out TagRef tag)
    {
        // The layout every serializer writes for a tag with short key and value: 0x0A len key 0x12 len value.
        if (message.Length >= 4 && message[0] == 0x0A && message[1] < 0x80)
        {
            int keyLength = message[1];
            int valueTag = 2 + keyLength;
            if (valueTag + 1 < message.Length && message[valueTag] == 0x12 && message[valueTag + 1] < 0x80
                && valueTag + 2 + message[valueTag + 1] == message.Length && keyLength > 0)
            {
                var key = new TextRef(offset + 2, keyLength);
                var value = new TextRef(offset + valueTag + 2, message[valueTag + 1]);
                tag = new TagRef(key, value.Length == 0 ? default : value);
                return !checkUtf8 || (Wtf8.IsValidUtf8(message.Slice(2, keyLength)) && Wtf8.IsValidUtf8(message.Slice(valueTag + 2, value.Length)));
            }
        }

        return TryReadAnyTag(message, offset, checkUtf8, out tag);
    }

    private static bool TryReadAnyTag(ReadOnlySpan<byte> message, int offset, bool checkUtf8, out TagRef tag)
    {
        tag = default;
        var reader = new WireReader(message);
        TextRef key = default, value = default;
        bool keySeen = false, valueSeen = false;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType) || wireType != WireReader.LengthDelimited)
            {
                return false;
            }

            if (number == 1 && !keySeen)
            {
                keySeen = true;
                if (!TryReadText(ref reader, message, checkUtf8, out key))
                {
                    return false;
                }
            }
            else if (number == 2 && !valueSeen)
            {
                valueSeen = true;
                if (!TryReadText(ref reader, message, checkUtf8, out value))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        tag = new TagRef(Shift(key, offset), Shift(value, offset));
        return true;
    }

    private static bool TryReadField(ReadOnlySpan<byte> message, int offset, bool checkUtf8, out FieldRef field)
    {
        // The layout every serializer writes for a short key and one value: 0x0A len key, then the value.
        if (message.Length >= 3 && message[0] == 0x0A && message[1] is > 0 and < 0x80 && 2 + message[1] < message.Length)
        {
            int keyLength = message[1];
            int at = 2 + keyLength;
            var key = new TextRef(offset + 2, keyLength);
            ReadOnlySpan<byte> value = message[(at + 1)..];
            switch (message[at])
            {
                case 0x11 when value.Length == sizeof(double):
                    field = new FieldRef(key, FieldKind.Double, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value), default);
                    return !checkUtf8 || Wtf8.IsValidUtf8(message.Slice(2, keyLength));
                case 0x18 or 0x20:
                    var reader = new WireReader(value);
                    if (reader.TryReadVarint(out ulong bits) && reader.End)
                    {
                        field = new FieldRef(key, (FieldKind)(message[at] >> 3), bits, default);
                        return !checkUtf8 || Wtf8.IsValidUtf8(message.Slice(2, keyLength));
                    }

                    break;
                case 0x2A when value.Length >= 1 && value[0] < 0x80 && value.Length == 1 + value[0]:
                    field = new FieldRef(key, FieldKind.String, 0, new TextRef(offset + at + 2, value[0]));
                    return !checkUtf8 || (Wtf8.IsValidUtf8(message.Slice(2, keyLength)) && Wtf8.IsValidUtf8(value[1..]));
            }
        }

        return TryReadAnyField(message, offset, checkUtf8, out field);
    }

    private static bool TryReadAnyField(ReadOnlySpan<byte> message, int offset, bool checkUtf8, out FieldRef field)
    {
        field = default;
        var reader = new WireReader(message);
        TextRef key = default, text = default;
        bool keySeen = false;
        FieldKind kind = FieldKind.None;
        ulong bits = 0;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                return false;
            }

            bool read = (number, wireType) switch
            {
                (1, WireReader.LengthDelimited) when !keySeen => keySeen = TryReadText(ref reader, message, checkUtf8, out key),
                (2, WireReader.Fixed64) when kind == FieldKind.None => reader.TryReadFixed64(out bits),
                (3 or 4, WireReader.Varint) when kind == FieldKind.None => reader.TryReadVarint(out bits),
                (5, WireReader.LengthDelimited) when kind == FieldKind.None => TryReadText(ref reader, message, checkUtf8, out text),
                _ => false,
            };
            if (!read)
            {
                return false;
            }

            if (number != 1)
            {
                kind = (FieldKind)number;
            }
        }

        field = new FieldRef(Shift(key, offset), kind, bits, Shift(text, offset));
        return true;
    }

    private static bool TryReadText(ref WireReader reader, ReadOnlySpan<byte> message, bool checkUtf8, out TextRef text)
    {
        if (!reader.TryReadLengthDelimited(out int start, out int length))
        {
            text = default;
            return false;
        }

        text = new TextRef(start, length);
        return !checkUtf8 || Wtf8.IsValidUtf8(message.Slice(start, length));
    }

    private static TextRef Shift(TextRef text, int offset) => text.Length == 0 ? default : new TextRef(text.Start + offset, text.Length);
}
