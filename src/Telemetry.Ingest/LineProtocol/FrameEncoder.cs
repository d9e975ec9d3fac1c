using System.Buffers;
using System.Runtime.CompilerServices;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol.Internal;
using Telemetry.Ingest.Wire;
using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.LineProtocol;

/// <summary>
/// Encodes frames as InfluxDB line protocol, one line per frame, straight into an <see cref="IBufferWriter{T}"/>:
/// <c>measurement,tag=v,source=s field=1.5,n=3i,ok=true,s="x" 1700000000000000000\n</c>.
/// Tags (the frame's plus <c>source</c>) are sorted by escaped key; sequence numbers are never written.
/// Thread-safe; allocates nothing per accepted frame.
/// </summary>
public sealed class FrameEncoder
{
    // Tag indices for frames with up to this many tags live on the stack; more are rented.
    private const int StackTagLimit = 32;

    // Fields up to this many, and serialized frames up to this many bytes, are also read on the stack.
    private const int StackFieldLimit = 64;
    private const int StackFrameBytes = 1024;

    private readonly int _maxLineBytes;

    /// <summary>Creates an encoder; throws <see cref="ArgumentOutOfRangeException"/> when an option is out of range.</summary>
    public FrameEncoder(FrameEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _maxLineBytes = options.MaxLineBytes;
    }

    /// <summary>
    /// Validates <paramref name="frame"/> and appends exactly one line ending in '\n' to <paramref name="output"/>.
    /// On a rejection nothing is committed to <paramref name="output"/> (its written count is unchanged), the method
    /// returns false and <paramref name="rejection"/> says why, naming the offending key or value. Serializes the
    /// frame and encodes it as <see cref="TryEncode(ReadOnlySpan{byte}, IBufferWriter{byte}, out FrameRejectionInfo)"/>
    /// does: one set of rules for both.
    /// </summary>
    [SkipLocalsInit]
    public bool TryEncode(Frame frame, IBufferWriter<byte> output, out FrameRejectionInfo rejection)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(output);
        int size = FrameWriter.Size(frame);
        byte[]? rented = null;
        Span<byte> bytes = size <= StackFrameBytes ? stackalloc byte[StackFrameBytes] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            int written = FrameWriter.Write(frame, bytes);
            return TryEncode(bytes[..written], output, out rejection);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Validates the serialized <c>telemetry.v1.Frame</c> <paramref name="frame"/> (as read from the wire, or as
    /// <see cref="WireBatch.FrameAt(int)"/> holds it) and appends exactly one line ending in '\n' to
    /// <paramref name="output"/>, straight from its UTF-8 bytes. On a rejection nothing is committed to
    /// <paramref name="output"/>, the method returns false and <paramref name="rejection"/> says why.
    /// </summary>
    [SkipLocalsInit]
    public bool TryEncode(ReadOnlySpan<byte> frame, IBufferWriter<byte> output, out FrameRejectionInfo rejection)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<TagRef> tags = stackalloc TagRef[StackTagLimit];
        Span<FieldRef> fields = stackalloc FieldRef[StackFieldLimit];
        if (!FrameParser.TryRead(frame, out FrameHeader header, tags, fields, checkUtf8: false))
        {
            rejection = Rejections.NotAFrame();
            return false;
        }

        if (header.TagCount < StackTagLimit && header.FieldCount <= StackFieldLimit)
        {
            return TryEncode(new FrameView(frame, header, tags[..header.TagCount], fields[..header.FieldCount]), output, out rejection);
        }

        // A frame with many tags or fields (rare, often hostile): read it again into rented space.
        TagRef[] manyTags = ArrayPool<TagRef>.Shared.Rent(header.TagCount);
        FieldRef[] manyFields = ArrayPool<FieldRef>.Shared.Rent(header.FieldCount);
        try
        {
            FrameParser.TryRead(frame, out header, manyTags, manyFields, checkUtf8: false);
            var view = new FrameView(frame, header, manyTags.AsSpan(0, header.TagCount), manyFields.AsSpan(0, header.FieldCount));
            return TryEncode(view, output, out rejection);
        }
        finally
        {
            ArrayPool<TagRef>.Shared.Return(manyTags);
            ArrayPool<FieldRef>.Shared.Return(manyFields);
        }
    }

    /// <summary>
    /// Encodes the frame at <paramref name="index"/> of <paramref name="batch"/> as
    /// <see cref="TryEncode(ReadOnlySpan{byte}, IBufferWriter{byte}, out FrameRejectionInfo)"/> does, from the tags
    /// and fields the batch's index already located.
    /// </summary>
    public bool TryEncode(WireBatch batch, int index, IBufferWriter<byte> output, out FrameRejectionInfo rejection)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(output);
        ReadOnlySpan<byte> frame = batch.FrameAt(index, out FrameHeader header, out ReadOnlySpan<TagRef> tags, out ReadOnlySpan<FieldRef> fields);
        return TryEncode(new FrameView(frame, header, tags, fields), output, out rejection);
    }

    [SkipLocalsInit]
    private bool TryEncode(in FrameView frame, IBufferWriter<byte> output, out FrameRejectionInfo rejection)
    {
        int tagCount = frame.Tags.Length + 1;
        int[]? rented = null;
        Span<int> tagOrder = tagCount <= StackTagLimit
            ? stackalloc int[StackTagLimit]
            : (rented = ArrayPool<int>.Shared.Rent(tagCount));
        try
        {
            tagOrder = tagOrder[..tagCount];
            if (!FrameChecks.TryCheck(frame, tagOrder, out long maxBytes, out rejection))
            {
                return false;
            }

            // The budget is the exact limit or a bound the line cannot exceed: running out of it means too large.
            int budget = (int)Math.Min(maxBytes, _maxLineBytes);
            Span<byte> line = output.GetSpan(budget)[..budget];
            if (!TryWriteLine(frame, tagOrder, line, out int length, out rejection))
            {
                return false;
            }

            output.Advance(length);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private bool TryWriteLine(
        in FrameView frame, ReadOnlySpan<int> tagOrder, Span<byte> line, out int length, out FrameRejectionInfo rejection)
    {
        length = 0;
        var writer = new LineWriter(line);
        ReadOnlySpan<byte> measurement = frame.Measurement;
        if (!TryWriteText(ref writer, LinePart.Measurement, measurement, measurement, out rejection))
        {
            return false;
        }

        TagKeyComparer tags = frame.TagComparer;
        int sourceIndex = frame.Tags.Length;
        foreach (int tag in tagOrder)
        {
            ReadOnlySpan<byte> key = tags.KeyAt(tag);
            writer.WriteByte((byte)',');
            if (!TryWriteText(ref writer, LinePart.TagKey, key, key, out rejection))
            {
                return false;
            }

            writer.WriteByte((byte)'=');
            // A source is named by itself, a tag value by its key.
            ReadOnlySpan<byte> value = tags.ValueAt(tag);
            bool isSource = tag == sourceIndex;
            if (!TryWriteText(ref writer, isSource ? LinePart.Source : LinePart.TagValue, isSource ? value : key, value, out rejection))
            {
                return false;
            }
        }

        int seriesKeyBytes = writer.Position;
        writer.WriteByte((byte)' ');
        if (!TryWriteFields(ref writer, frame, seriesKeyBytes, out rejection))
        {
            return false;
        }

        writer.WriteByte((byte)' ');
        writer.WriteInt64(frame.TimestampNs);
        writer.WriteByte((byte)'\n');
        if (writer.Overflowed)
        {
            rejection = Rejections.LineTooLarge(_maxLineBytes);
            return false;
        }

        length = writer.Position;
        return true;
    }

    private static bool TryWriteFields(
        ref LineWriter writer, in FrameView frame, int seriesKeyBytes, out FrameRejectionInfo rejection)
    {
        ReadOnlySpan<FieldRef> fields = frame.Fields;
        for (int i = 0; i < fields.Length; i++)
        {
            FieldRef field = fields[i];
            ReadOnlySpan<byte> key = frame.Text(field.Key);
            if (i > 0)
            {
                writer.WriteByte((byte)',');
            }

            int keyStart = writer.Position;
            if (!TryWriteText(ref writer, LinePart.FieldKey, key, key, out rejection))
            {
                return false;
            }

            // Escaped key bytes, at least what InfluxDB counts; once overflowed the line is rejected as too large anyway.
            if (!writer.Overflowed && seriesKeyBytes + InfluxLimits.SeriesFieldSeparatorBytes + writer.Position - keyStart
                > InfluxLimits.MaxSeriesFieldKeyBytes)
            {
                rejection = Rejections.KeyTooLarge(Wtf8.ToString(key));
                return false;
            }

            writer.WriteByte((byte)'=');
            switch (field.Kind)
            {
                case FieldKind.Double:
                    writer.WriteDouble(field.Double);
                    break;
                case FieldKind.Int:
                    writer.WriteInt64(field.Int);
                    writer.WriteByte((byte)'i');
                    break;
                case FieldKind.Bool:
                    writer.WriteAscii(field.Bits != 0 ? "true"u8 : "false"u8);
                    break;
                default:
                    ReadOnlySpan<byte> text = frame.Text(field.Text);
                    TextStatus status = writer.WriteQuoted(text);
                    if (status != TextStatus.Done)
                    {
                        rejection = Rejections.ForText(status, LinePart.StringValue, Wtf8.ToString(key), Wtf8.ToString(text));
                        return false;
                    }

                    break;
            }
        }

        rejection = default;
        return true;
    }

    private static bool TryWriteText(
        ref LineWriter writer, LinePart part, ReadOnlySpan<byte> key, ReadOnlySpan<byte> text, out FrameRejectionInfo rejection)
    {
        TextStatus status = writer.WriteName(text, escapeEquals: part != LinePart.Measurement);
        if (status == TextStatus.Done)
        {
            rejection = default;
            return true;
        }

        rejection = Rejections.ForText(status, part, Wtf8.ToString(key), Wtf8.ToString(text));
        return false;
    }
}
