using System.Buffers;
using System.Runtime.CompilerServices;
using Google.Protobuf.Collections;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol.Internal;

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
    /// returns false and <paramref name="rejection"/> says why, naming the offending key or value.
    /// </summary>
    [SkipLocalsInit]
    public bool TryEncode(Frame frame, IBufferWriter<byte> output, out FrameRejectionInfo rejection)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(output);

        int tagCount = frame.Tags.Count + 1;
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
        Frame frame, ReadOnlySpan<int> tagOrder, Span<byte> line, out int length, out FrameRejectionInfo rejection)
    {
        length = 0;
        var writer = new LineWriter(line);
        if (!TryWriteText(ref writer, LinePart.Measurement, frame.Measurement, frame.Measurement, out rejection))
        {
            return false;
        }

        var tags = new TagKeyComparer(frame.Tags);
        foreach (int tag in tagOrder)
        {
            string key = tags.KeyAt(tag);
            writer.WriteByte((byte)',');
            if (!TryWriteText(ref writer, LinePart.TagKey, key, key, out rejection))
            {
                return false;
            }

            writer.WriteByte((byte)'=');
            // A source is named by itself, a tag value by its key.
            string value = tags.ValueAt(tag, frame);
            bool isSource = tag == frame.Tags.Count;
            if (!TryWriteText(ref writer, isSource ? LinePart.Source : LinePart.TagValue, isSource ? value : key, value, out rejection))
            {
                return false;
            }
        }

        int seriesKeyBytes = writer.Position;
        writer.WriteByte((byte)' ');
        if (!TryWriteFields(ref writer, frame.Fields, seriesKeyBytes, out rejection))
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
        ref LineWriter writer, RepeatedField<Field> fields, int seriesKeyBytes, out FrameRejectionInfo rejection)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            Field field = fields[i];
            if (i > 0)
            {
                writer.WriteByte((byte)',');
            }

            int keyStart = writer.Position;
            if (!TryWriteText(ref writer, LinePart.FieldKey, field.Key, field.Key, out rejection))
            {
                return false;
            }

            // Escaped key bytes, at least what InfluxDB counts; once overflowed the line is rejected as too large anyway.
            if (!writer.Overflowed && seriesKeyBytes + InfluxLimits.SeriesFieldSeparatorBytes + writer.Position - keyStart
                > InfluxLimits.MaxSeriesFieldKeyBytes)
            {
                rejection = Rejections.KeyTooLarge(field.Key);
                return false;
            }

            writer.WriteByte((byte)'=');
            switch (field.ValueCase)
            {
                case Field.ValueOneofCase.DoubleValue:
                    writer.WriteDouble(field.DoubleValue);
                    break;
                case Field.ValueOneofCase.IntValue:
                    writer.WriteInt64(field.IntValue);
                    writer.WriteByte((byte)'i');
                    break;
                case Field.ValueOneofCase.BoolValue:
                    writer.WriteAscii(field.BoolValue ? "true"u8 : "false"u8);
                    break;
                default:
                    TextStatus status = writer.WriteQuoted(field.StringValue);
                    if (status != TextStatus.Done)
                    {
                        rejection = Rejections.ForText(status, LinePart.StringValue, field.Key, field.StringValue);
                        return false;
                    }

                    break;
            }
        }

        rejection = default;
        return true;
    }

    private static bool TryWriteText(
        ref LineWriter writer, LinePart part, string key, string text, out FrameRejectionInfo rejection)
    {
        TextStatus status = writer.WriteName(text, escapeEquals: part != LinePart.Measurement);
        if (status == TextStatus.Done)
        {
            rejection = default;
            return true;
        }

        rejection = Rejections.ForText(status, part, key, text);
        return false;
    }
}
