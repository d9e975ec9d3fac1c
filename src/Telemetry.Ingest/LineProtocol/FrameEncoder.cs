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
        LineLayout? layout = LayoutCache.Find(frame);
        if (layout is not null)
        {
            return TryEncode(frame, layout, output, out rejection);
        }

        int tagCount = frame.Tags.Length + 1;
        int[]? rented = null;
        Span<int> tagOrder = tagCount <= StackTagLimit
            ? stackalloc int[StackTagLimit]
            : (rented = ArrayPool<int>.Shared.Rent(tagCount));
        Span<Range> fieldKeys = LineLayout.Fits(frame) ? stackalloc Range[LineLayout.MaxFields] : default;
        try
        {
            tagOrder = tagOrder[..tagCount];
            if (!FrameChecks.TryCheck(frame, tagOrder, out long maxBytes, out rejection))
            {
                return false;
            }

            // The budget is the exact limit or a bound the line cannot exceed: running out of it means too large.
            Span<byte> line = GetLine(output, maxBytes);
            var writer = new LineWriter(line);
            if (!TryWriteSeriesKey(ref writer, frame, tagOrder, out rejection))
            {
                return false;
            }

            int seriesKeyBytes = writer.Position;
            writer.WriteByte((byte)' ');
            fieldKeys = fieldKeys[..Math.Min(fieldKeys.Length, frame.Fields.Length)];
            if (!TryWriteFields(ref writer, frame, seriesKeyBytes, null, fieldKeys, out rejection)
                || !TryEndLine(ref writer, frame, out int length, out rejection))
            {
                return false;
            }

            if (!fieldKeys.IsEmpty)
            {
                LayoutCache.Remember(frame, line[..length], seriesKeyBytes, fieldKeys);
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

    /// <summary>A frame whose layout was checked and escaped before: only its values are checked and written.</summary>
    private bool TryEncode(in FrameView frame, LineLayout layout, IBufferWriter<byte> output, out FrameRejectionInfo rejection)
    {
        if (!FrameChecks.TryCheckValues(frame, layout.FixedBytes, out long maxBytes, out rejection))
        {
            return false;
        }

        var writer = new LineWriter(GetLine(output, maxBytes));
        writer.WriteAscii(layout.SeriesKey);
        writer.WriteByte((byte)' ');
        if (!TryWriteFields(ref writer, frame, 0, layout, default, out rejection)
            || !TryEndLine(ref writer, frame, out int length, out rejection))
        {
            return false;
        }

        output.Advance(length);
        return true;
    }

    private Span<byte> GetLine(IBufferWriter<byte> output, long maxBytes)
    {
        int budget = (int)Math.Min(maxBytes, _maxLineBytes);
        return output.GetSpan(budget)[..budget];
    }

    private static bool TryWriteSeriesKey(
        ref LineWriter writer, in FrameView frame, scoped ReadOnlySpan<int> tagOrder, out FrameRejectionInfo rejection)
    {
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

        return true;
    }

    /// <summary>The timestamp and the newline; false when the line ran past its budget.</summary>
    private bool TryEndLine(ref LineWriter writer, in FrameView frame, out int length, out FrameRejectionInfo rejection)
    {
        writer.WriteByte((byte)' ');
        writer.WriteInt64(frame.TimestampNs);
        writer.WriteByte((byte)'\n');
        if (writer.Overflowed)
        {
            length = 0;
            rejection = Rejections.LineTooLarge(_maxLineBytes);
            return false;
        }

        length = writer.Position;
        rejection = default;
        return true;
    }

    /// <summary>
    /// Writes the fields; their keys come from <paramref name="layout"/> when given (checked already), else they are
    /// checked, escaped and their places in the line recorded in <paramref name="fieldKeys"/> (as far as it goes).
    /// </summary>
    private static bool TryWriteFields(
        ref LineWriter writer, in FrameView frame, int seriesKeyBytes, LineLayout? layout, scoped Span<Range> fieldKeys,
        out FrameRejectionInfo rejection)
    {
        ReadOnlySpan<FieldRef> fields = frame.Fields;
        for (int i = 0; i < fields.Length; i++)
        {
            FieldRef field = fields[i];
            if (i > 0)
            {
                writer.WriteByte((byte)',');
            }

            if (layout is not null)
            {
                writer.WriteAscii(layout.FieldKey(i));
            }
            else if (!TryWriteFieldKey(ref writer, frame.Text(field.Key), seriesKeyBytes, out Range place, out rejection))
            {
                return false;
            }
            else if (i < fieldKeys.Length)
            {
                fieldKeys[i] = place;
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
                        rejection = Rejections.ForText(status, LinePart.StringValue, frame.Name(field.Key), Wtf8.ToString(text));
                        return false;
                    }

                    break;
            }
        }

        rejection = default;
        return true;
    }

    /// <summary>Writes a field key and checks the series-plus-field key limit; <paramref name="place"/> is where it went.</summary>
    private static bool TryWriteFieldKey(
        ref LineWriter writer, ReadOnlySpan<byte> key, int seriesKeyBytes, out Range place, out FrameRejectionInfo rejection)
    {
        int keyStart = writer.Position;
        place = default;
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

        place = keyStart..writer.Position;
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
