using System.Buffers.Binary;
using Google.Protobuf.Collections;
using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Wire.Internal;

/// <summary>
/// Serializes frame objects into the wire form the fast path reads: members in schema order, defaults left out,
/// text as <see cref="Wtf8"/>. The same bytes the reference serializer writes for any frame without lone surrogates.
/// </summary>
internal static class FrameWriter
{
    /// <summary>Bytes <see cref="WriteBatch"/> needs for <paramref name="batch"/>.</summary>
    public static int BatchSize(FrameBatch batch)
    {
        int size = VarintFieldSize(batch.BatchId) + (batch.Untracked ? 2 : 0);
        foreach (Frame frame in batch.Frames)
        {
            size += 1 + MessageSize(Size(frame));
        }

        return size;
    }

    /// <summary>Writes <paramref name="batch"/>: batch id, frames, untracked flag. Returns the bytes written.</summary>
    public static int WriteBatch(FrameBatch batch, Span<byte> destination)
    {
        int position = 0;
        WriteVarintField(destination, ref position, 1, batch.BatchId);
        foreach (Frame frame in batch.Frames)
        {
            destination[position++] = (2 << 3) | 2;
            WriteVarint(destination, ref position, (ulong)Size(frame));
            position += Write(frame, destination[position..]);
        }

        WriteVarintField(destination, ref position, 3, batch.Untracked ? 1UL : 0UL);
        return position;
    }

    /// <summary>Bytes <see cref="Write(Frame, Span{byte})"/> needs for <paramref name="frame"/>.</summary>
    public static int Size(Frame frame)
    {
        int size = TextSize(1, frame.Source) + VarintFieldSize(frame.Sequence)
            + VarintFieldSize(unchecked((ulong)frame.TimestampNs)) + TextSize(1, frame.Measurement);
        foreach (Tag tag in frame.Tags)
        {
            size += 1 + MessageSize(TagSize(tag));
        }

        foreach (Field field in frame.Fields)
        {
            size += 1 + MessageSize(FieldSize(field));
        }

        return size;
    }

    /// <summary>Writes <paramref name="frame"/>; returns the bytes written (<see cref="Size(Frame)"/>).</summary>
    public static int Write(Frame frame, Span<byte> destination)
    {
        int position = 0;
        WriteText(destination, ref position, 1, frame.Source);
        WriteVarintField(destination, ref position, 2, frame.Sequence);
        WriteVarintField(destination, ref position, 3, unchecked((ulong)frame.TimestampNs));
        WriteText(destination, ref position, 4, frame.Measurement);
        WriteTags(destination, ref position, frame.Tags);
        WriteFields(destination, ref position, frame.Fields);
        return position;
    }

    private static void WriteTags(Span<byte> destination, ref int position, RepeatedField<Tag> tags)
    {
        foreach (Tag tag in tags)
        {
            destination[position++] = (5 << 3) | 2;
            WriteVarint(destination, ref position, (ulong)TagSize(tag));
            WriteText(destination, ref position, 1, tag.Key);
            WriteText(destination, ref position, 2, tag.Value);
        }
    }

    private static void WriteFields(Span<byte> destination, ref int position, RepeatedField<Field> fields)
    {
        foreach (Field field in fields)
        {
            destination[position++] = (6 << 3) | 2;
            WriteVarint(destination, ref position, (ulong)FieldSize(field));
            WriteText(destination, ref position, 1, field.Key);
            switch (field.ValueCase)
            {
                case Field.ValueOneofCase.DoubleValue:
                    destination[position++] = (2 << 3) | 1;
                    BinaryPrimitives.WriteDoubleLittleEndian(destination[position..], field.DoubleValue);
                    position += sizeof(double);
                    break;
                case Field.ValueOneofCase.IntValue:
                    destination[position++] = 3 << 3;
                    WriteVarint(destination, ref position, unchecked((ulong)field.IntValue));
                    break;
                case Field.ValueOneofCase.BoolValue:
                    destination[position++] = 4 << 3;
                    destination[position++] = field.BoolValue ? (byte)1 : (byte)0;
                    break;
                case Field.ValueOneofCase.StringValue:
                    WriteText(destination, ref position, 5, field.StringValue, always: true);
                    break;
            }
        }
    }

    private static int TagSize(Tag tag) => TextSize(1, tag.Key) + TextSize(1, tag.Value);

    private static int FieldSize(Field field) => TextSize(1, field.Key) + field.ValueCase switch
    {
        Field.ValueOneofCase.DoubleValue => 1 + sizeof(double),
        Field.ValueOneofCase.IntValue => 1 + VarintSize(unchecked((ulong)field.IntValue)),
        Field.ValueOneofCase.BoolValue => 2,
        Field.ValueOneofCase.StringValue => MessageSize(Wtf8.ByteCount(field.StringValue)) + 1,
        _ => 0,
    };

    private static int TextSize(int tagBytes, string text) =>
        text.Length == 0 ? 0 : tagBytes + MessageSize(Wtf8.ByteCount(text));

    private static int MessageSize(int length) => VarintSize((ulong)length) + length;

    private static int VarintFieldSize(ulong value) => value == 0 ? 0 : 1 + VarintSize(value);

    private static int VarintSize(ulong value) => (64 - System.Numerics.BitOperations.LeadingZeroCount(value | 1) + 6) / 7;

    private static void WriteText(Span<byte> destination, ref int position, int number, string text, bool always = false)
    {
        if (text.Length == 0 && !always)
        {
            return;
        }

        destination[position++] = (byte)((number << 3) | 2);
        WriteVarint(destination, ref position, (ulong)Wtf8.ByteCount(text));
        position += Wtf8.Write(text, destination[position..]);
    }

    private static void WriteVarintField(Span<byte> destination, ref int position, int number, ulong value)
    {
        if (value != 0)
        {
            destination[position++] = (byte)(number << 3);
            WriteVarint(destination, ref position, value);
        }
    }

    private static void WriteVarint(Span<byte> destination, ref int position, ulong value)
    {
        while (value >= 0x80)
        {
            destination[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[position++] = (byte)value;
    }
}
