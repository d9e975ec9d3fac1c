using System.Buffers;
using System.Runtime.CompilerServices;
using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// The checks that need no look inside the text: required values, reserved and duplicate keys, finite numbers,
/// the timestamp range. Also orders the tags and bounds the encoded size. What the text holds (newlines, lone
/// surrogates, unsafe backslashes) is checked while it is written.
/// </summary>
internal static class FrameChecks
{
    // Pairwise key comparisons up to this many; beyond it keys are sorted, so a hostile frame stays O(n log n).
    private const int PairwiseComparisonLimit = 256;

    // Upper bounds of the encoded forms, in bytes: an escaped byte takes 2.
    private const int BytesPerByte = 2;
    private const int MaxDoubleBytes = 32;
    private const int MaxIntegerBytes = 21;
    private const int MaxBoolBytes = 5;
    private const int MaxTimestampBytes = 20;

    // The space after the series key, the space before the timestamp, the timestamp and the newline.
    private const int LineEndBytes = MaxTimestampBytes + 3;

    /// <summary>
    /// Checks <paramref name="frame"/>; on success <paramref name="tagOrder"/> (length: tags + 1) holds the tag
    /// indices in line order (see <see cref="TagKeyComparer"/>) and <paramref name="maxBytes"/> bounds the line.
    /// </summary>
    public static bool TryCheck(in FrameView frame, Span<int> tagOrder, out long maxBytes, out FrameRejectionInfo rejection)
    {
        maxBytes = 0;
        if (!TryCheckRequired(frame, out rejection)
            || !TryCheckTags(frame, tagOrder, ref maxBytes, out rejection)
            || !TryCheckFields(frame, ref maxBytes, out rejection)
            || !TryCheckFieldKeysUnique(frame, tagOrder, out rejection))
        {
            return false;
        }

        maxBytes += (long)BytesPerByte * frame.Measurement.Length + LineEndBytes;
        return true;
    }

    /// <summary>
    /// Checks what a remembered <see cref="LineLayout"/> of <paramref name="layoutBytes"/> cannot vouch for: the
    /// timestamp and each field's value, in the order <see cref="TryCheck"/> meets them; <paramref name="maxBytes"/>
    /// bounds the line.
    /// </summary>
    public static bool TryCheckValues(in FrameView frame, int layoutBytes, out long maxBytes, out FrameRejectionInfo rejection)
    {
        maxBytes = layoutBytes + LineEndBytes;
        if (!TryCheckTimestamp(frame.TimestampNs, out rejection))
        {
            return false;
        }

        foreach (FieldRef field in frame.Fields)
        {
            if (!TryCheckValue(frame, field, out long valueBytes, out rejection))
            {
                return false;
            }

            maxBytes += 2 + valueBytes;
        }

        return true;
    }

    private static bool TryCheckRequired(in FrameView frame, out FrameRejectionInfo rejection)
    {
        ReadOnlySpan<byte> measurement = frame.Measurement;
        if (frame.Source.IsEmpty)
        {
            rejection = Rejections.Missing("the frame's source is empty");
        }
        else if (measurement.IsEmpty)
        {
            rejection = Rejections.Missing("the measurement is empty");
        }
        else if (!TryCheckTimestamp(frame.TimestampNs, out rejection))
        {
            return false;
        }
        else if (frame.Fields.IsEmpty)
        {
            rejection = Rejections.Missing("the frame has no fields");
        }
        else if (measurement[0] == '#')
        {
            rejection = Rejections.CommentMeasurement(Wtf8.ToString(measurement));
        }
        else if (LineSyntax.IsSkippedLeadingChar(measurement[0]))
        {
            rejection = Rejections.SkippedLeadingChar(LinePart.Measurement, Wtf8.ToString(measurement));
        }
        else
        {
            return true;
        }

        return false;
    }

    private static bool TryCheckTimestamp(long timestamp, out FrameRejectionInfo rejection)
    {
        if (timestamp == 0)
        {
            rejection = Rejections.Missing("the timestamp is 0 (unset)");
            return false;
        }

        if (timestamp is < InfluxLimits.MinTimestampNs or > InfluxLimits.MaxTimestampNs)
        {
            rejection = Rejections.TimestampOutOfRange(timestamp);
            return false;
        }

        rejection = default;
        return true;
    }

    /// <summary>A value is set and, if a double, finite; <paramref name="valueBytes"/> bounds its encoded form.</summary>
    private static bool TryCheckValue(in FrameView frame, FieldRef field, out long valueBytes, out FrameRejectionInfo rejection)
    {
        valueBytes = 0;
        if (field.Kind == FieldKind.None)
        {
            rejection = Rejections.NoFieldValue(frame.Name(field.Key));
            return false;
        }

        if (field.Kind == FieldKind.Double && !double.IsFinite(field.Double))
        {
            rejection = Rejections.NonFinite(frame.Name(field.Key), field.Double);
            return false;
        }

        valueBytes = field.Kind switch
        {
            FieldKind.Double => MaxDoubleBytes,
            FieldKind.Int => MaxIntegerBytes,
            FieldKind.Bool => MaxBoolBytes,
            _ => 2 + ((long)BytesPerByte * field.Text.Length),
        };
        rejection = default;
        return true;
    }

    private static bool TryCheckTags(in FrameView frame, Span<int> tagOrder, ref long maxBytes, out FrameRejectionInfo rejection)
    {
        ReadOnlySpan<TagRef> tags = frame.Tags;
        for (int i = 0; i < tags.Length; i++)
        {
            TagRef tag = tags[i];
            ReadOnlySpan<byte> key = frame.Text(tag.Key);
            if (key.IsEmpty)
            {
                rejection = Rejections.EmptyKey("tag", i);
                return false;
            }

            if (tag.Value.Length == 0)
            {
                rejection = Rejections.EmptyTagValue(frame.Name(tag.Key));
                return false;
            }

            if (ReservedKeys.IsReservedTagKey(key))
            {
                rejection = Rejections.ReservedKey("tag", frame.Name(tag.Key));
                return false;
            }

            maxBytes += 2 + ((long)BytesPerByte * (tag.Key.Length + tag.Value.Length));
            tagOrder[i] = i;
        }

        tagOrder[tags.Length] = tags.Length;
        maxBytes += 2 + ((long)BytesPerByte * (ReservedKeys.Source.Length + frame.Source.Length));

        TagKeyComparer comparer = frame.TagComparer;
        IndexSort.Sort(tagOrder, comparer);
        for (int i = 1; i < tagOrder.Length; i++)
        {
            ReadOnlySpan<byte> key = comparer.KeyAt(tagOrder[i]);
            if (key.SequenceEqual(comparer.KeyAt(tagOrder[i - 1])))
            {
                rejection = Rejections.DuplicateKey("tag", Wtf8.ToString(key));
                return false;
            }
        }

        rejection = default;
        return true;
    }

    private static bool TryCheckFields(in FrameView frame, ref long maxBytes, out FrameRejectionInfo rejection)
    {
        ReadOnlySpan<FieldRef> fields = frame.Fields;
        for (int i = 0; i < fields.Length; i++)
        {
            FieldRef field = fields[i];
            ReadOnlySpan<byte> key = frame.Text(field.Key);
            if (key.IsEmpty)
            {
                rejection = Rejections.EmptyKey("field", i);
                return false;
            }

            if (ReservedKeys.IsInfluxReserved(key))
            {
                rejection = Rejections.ReservedKey("field", frame.Name(field.Key));
                return false;
            }

            if (LineSyntax.IsSkippedLeadingChar(key[0]))
            {
                rejection = Rejections.SkippedLeadingChar(LinePart.FieldKey, frame.Name(field.Key));
                return false;
            }

            if (!TryCheckValue(frame, field, out long valueBytes, out rejection))
            {
                return false;
            }

            maxBytes += 2 + ((long)BytesPerByte * key.Length) + valueBytes;
        }

        rejection = default;
        return true;
    }

    /// <summary>No field key twice, and none equal to a tag key: InfluxDB drops or renames such a field.</summary>
    private static bool TryCheckFieldKeysUnique(in FrameView frame, ReadOnlySpan<int> tagOrder, out FrameRejectionInfo rejection)
    {
        int count = frame.Fields.Length;
        if ((long)count * (count + tagOrder.Length) <= PairwiseComparisonLimit)
        {
            return TryCheckFieldKeysPairwise(frame, tagOrder, out rejection);
        }

        int[] order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            return TryCheckSortedFieldKeys(frame, order.AsSpan(0, count), tagOrder, out rejection);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
        }
    }

    [SkipLocalsInit]
    private static bool TryCheckFieldKeysPairwise(in FrameView frame, ReadOnlySpan<int> tagOrder, out FrameRejectionInfo rejection)
    {
        TagKeyComparer tags = frame.TagComparer;
        FieldKeyComparer fields = frame.FieldComparer;

        // Cheap signatures first: most keys differ in length or in their first or last byte.
        Span<ulong> tagSignatures = stackalloc ulong[tagOrder.Length];
        for (int t = 0; t < tagOrder.Length; t++)
        {
            tagSignatures[t] = Signature(tags.KeyAt(tagOrder[t]));
        }

        Span<ulong> fieldSignatures = stackalloc ulong[frame.Fields.Length];
        for (int i = 0; i < fieldSignatures.Length; i++)
        {
            ReadOnlySpan<byte> key = fields.KeyAt(i);
            ulong signature = Signature(key);
            fieldSignatures[i] = signature;
            for (int j = 0; j < i; j++)
            {
                if (fieldSignatures[j] == signature && key.SequenceEqual(fields.KeyAt(j)))
                {
                    rejection = Rejections.DuplicateKey("field", Wtf8.ToString(key));
                    return false;
                }
            }

            for (int t = 0; t < tagSignatures.Length; t++)
            {
                if (tagSignatures[t] == signature && key.SequenceEqual(tags.KeyAt(tagOrder[t])))
                {
                    rejection = Rejections.FieldKeyIsTagKey(Wtf8.ToString(key));
                    return false;
                }
            }
        }

        rejection = default;
        return true;
    }

    /// <summary>Length, first and last byte of a non-empty key: equal keys have equal signatures.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Signature(ReadOnlySpan<byte> key) => ((ulong)(uint)key.Length << 32) | ((ulong)key[0] << 16) | key[^1];

    private static bool TryCheckSortedFieldKeys(
        in FrameView frame, Span<int> order, ReadOnlySpan<int> tagOrder, out FrameRejectionInfo rejection)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        FieldKeyComparer fields = frame.FieldComparer;
        TagKeyComparer tags = frame.TagComparer;
        IndexSort.Sort(order, fields);
        for (int i = 1; i < order.Length; i++)
        {
            if (fields.KeyAt(order[i]).SequenceEqual(fields.KeyAt(order[i - 1])))
            {
                rejection = Rejections.DuplicateKey("field", Wtf8.ToString(fields.KeyAt(order[i])));
                return false;
            }
        }

        // Both lists are in escaped-key order: walk them together.
        for (int f = 0, t = 0; f < order.Length && t < tagOrder.Length;)
        {
            ReadOnlySpan<byte> fieldKey = fields.KeyAt(order[f]);
            ReadOnlySpan<byte> tagKey = tags.KeyAt(tagOrder[t]);
            int comparison = EscapedKeyOrder.Compare(fieldKey, tagKey);
            if (comparison == 0)
            {
                rejection = Rejections.FieldKeyIsTagKey(Wtf8.ToString(fieldKey));
                return false;
            }

            if (comparison < 0)
            {
                f++;
            }
            else
            {
                t++;
            }
        }

        rejection = default;
        return true;
    }
}
