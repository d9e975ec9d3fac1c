using System.Buffers;
using System.Runtime.CompilerServices;
using Google.Protobuf.Collections;
using Telemetry.Contracts.V1;

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

    // Upper bounds of the encoded forms, in bytes: a UTF-16 char takes at most 3 UTF-8 bytes, and an escaped one 2.
    private const int BytesPerChar = 3;
    private const int MaxDoubleBytes = 32;
    private const int MaxIntegerBytes = 21;
    private const int MaxBoolBytes = 5;
    private const int MaxTimestampBytes = 20;

    /// <summary>
    /// Checks <paramref name="frame"/>; on success <paramref name="tagOrder"/> (length: tags + 1) holds the tag
    /// indices in line order (see <see cref="TagKeyComparer"/>) and <paramref name="maxBytes"/> bounds the line.
    /// </summary>
    public static bool TryCheck(Frame frame, Span<int> tagOrder, out long maxBytes, out FrameRejectionInfo rejection)
    {
        maxBytes = 0;
        if (!TryCheckRequired(frame, out rejection)
            || !TryCheckTags(frame, tagOrder, ref maxBytes, out rejection)
            || !TryCheckFields(frame.Fields, ref maxBytes, out rejection)
            || !TryCheckFieldKeysUnique(frame.Fields, new TagKeyComparer(frame.Tags), tagOrder, out rejection))
        {
            return false;
        }

        maxBytes += (long)BytesPerChar * frame.Measurement.Length + MaxTimestampBytes + 3;
        return true;
    }

    private static bool TryCheckRequired(Frame frame, out FrameRejectionInfo rejection)
    {
        string measurement = frame.Measurement;
        rejection = frame switch
        {
            { Source.Length: 0 } => Rejections.Missing("the frame's source is empty"),
            { Measurement.Length: 0 } => Rejections.Missing("the measurement is empty"),
            { TimestampNs: 0 } => Rejections.Missing("the timestamp is 0 (unset)"),
            { TimestampNs: < InfluxLimits.MinTimestampNs or > InfluxLimits.MaxTimestampNs } =>
                Rejections.TimestampOutOfRange(frame.TimestampNs),
            { Fields.Count: 0 } => Rejections.Missing("the frame has no fields"),
            _ when measurement[0] == '#' => Rejections.CommentMeasurement(measurement),
            _ when LineSyntax.IsSkippedLeadingChar(measurement[0]) =>
                Rejections.SkippedLeadingChar(LinePart.Measurement, measurement),
            _ => default,
        };
        return rejection.Reason is null;
    }

    private static bool TryCheckTags(Frame frame, Span<int> tagOrder, ref long maxBytes, out FrameRejectionInfo rejection)
    {
        RepeatedField<Tag> tags = frame.Tags;
        for (int i = 0; i < tags.Count; i++)
        {
            Tag tag = tags[i];
            rejection = tag switch
            {
                { Key.Length: 0 } => Rejections.EmptyKey("tag", i),
                { Value.Length: 0 } => Rejections.EmptyTagValue(tag.Key),
                _ when ReservedKeys.IsReservedTagKey(tag.Key) =>
                    Rejections.ReservedKey("tag", tag.Key),
                _ => default,
            };
            if (rejection.Reason is not null)
            {
                return false;
            }

            maxBytes += 2 + ((long)BytesPerChar * (tag.Key.Length + tag.Value.Length));
            tagOrder[i] = i;
        }

        tagOrder[tags.Count] = tags.Count;
        maxBytes += 2 + ((long)BytesPerChar * (ReservedKeys.Source.Length + frame.Source.Length));

        var comparer = new TagKeyComparer(tags);
        IndexSort.Sort(tagOrder, comparer);
        for (int i = 1; i < tagOrder.Length; i++)
        {
            string key = comparer.KeyAt(tagOrder[i]);
            if (key == comparer.KeyAt(tagOrder[i - 1]))
            {
                rejection = Rejections.DuplicateKey("tag", key);
                return false;
            }
        }

        rejection = default;
        return true;
    }

    private static bool TryCheckFields(RepeatedField<Field> fields, ref long maxBytes, out FrameRejectionInfo rejection)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            Field field = fields[i];
            string key = field.Key;
            rejection = field switch
            {
                { Key.Length: 0 } => Rejections.EmptyKey("field", i),
                _ when ReservedKeys.IsInfluxReserved(key) => Rejections.ReservedKey("field", key),
                _ when LineSyntax.IsSkippedLeadingChar(key[0]) => Rejections.SkippedLeadingChar(LinePart.FieldKey, key),
                { ValueCase: Field.ValueOneofCase.None } => Rejections.NoFieldValue(key),
                { ValueCase: Field.ValueOneofCase.DoubleValue } when !double.IsFinite(field.DoubleValue) =>
                    Rejections.NonFinite(key, field.DoubleValue),
                _ => default,
            };
            if (rejection.Reason is not null)
            {
                return false;
            }

            long valueBytes = field.ValueCase switch
            {
                Field.ValueOneofCase.DoubleValue => MaxDoubleBytes,
                Field.ValueOneofCase.IntValue => MaxIntegerBytes,
                Field.ValueOneofCase.BoolValue => MaxBoolBytes,
                _ => 2 + ((long)BytesPerChar * field.StringValue.Length),
            };
            maxBytes += 2 + ((long)BytesPerChar * key.Length) + valueBytes;
        }

        rejection = default;
        return true;
    }

    /// <summary>No field key twice, and none equal to a tag key: InfluxDB drops or renames such a field.</summary>
    private static bool TryCheckFieldKeysUnique(
        RepeatedField<Field> fields, TagKeyComparer tags, ReadOnlySpan<int> tagOrder, out FrameRejectionInfo rejection)
    {
        if ((long)fields.Count * (fields.Count + tagOrder.Length) <= PairwiseComparisonLimit)
        {
            return TryCheckFieldKeysPairwise(fields, tags, tagOrder, out rejection);
        }

        int[] order = ArrayPool<int>.Shared.Rent(fields.Count);
        try
        {
            return TryCheckSortedFieldKeys(fields, order.AsSpan(0, fields.Count), tags, tagOrder, out rejection);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
        }
    }

    [SkipLocalsInit]
    private static bool TryCheckFieldKeysPairwise(
        RepeatedField<Field> fields, TagKeyComparer tags, ReadOnlySpan<int> tagOrder, out FrameRejectionInfo rejection)
    {
        // Cheap signatures first: most keys differ in length or in their first or last character.
        Span<ulong> tagSignatures = stackalloc ulong[tagOrder.Length];
        for (int t = 0; t < tagOrder.Length; t++)
        {
            tagSignatures[t] = Signature(tags.KeyAt(tagOrder[t]));
        }

        Span<ulong> fieldSignatures = stackalloc ulong[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            string key = fields[i].Key;
            ulong signature = Signature(key);
            fieldSignatures[i] = signature;
            for (int j = 0; j < i; j++)
            {
                if (fieldSignatures[j] == signature && key == fields[j].Key)
                {
                    rejection = Rejections.DuplicateKey("field", key);
                    return false;
                }
            }

            for (int t = 0; t < tagSignatures.Length; t++)
            {
                if (tagSignatures[t] == signature && key == tags.KeyAt(tagOrder[t]))
                {
                    rejection = Rejections.FieldKeyIsTagKey(key);
                    return false;
                }
            }
        }

        rejection = default;
        return true;
    }

    /// <summary>Length, first and last character of a non-empty key: equal keys have equal signatures.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Signature(string key) => ((ulong)(uint)key.Length << 32) | ((ulong)key[0] << 16) | key[^1];

    private static bool TryCheckSortedFieldKeys(
        RepeatedField<Field> fields, Span<int> order, TagKeyComparer tags, ReadOnlySpan<int> tagOrder,
        out FrameRejectionInfo rejection)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        IndexSort.Sort(order, new FieldKeyComparer(fields));
        for (int i = 1; i < order.Length; i++)
        {
            if (fields[order[i]].Key == fields[order[i - 1]].Key)
            {
                rejection = Rejections.DuplicateKey("field", fields[order[i]].Key);
                return false;
            }
        }

        // Both lists are in escaped-key order: walk them together.
        for (int f = 0, t = 0; f < order.Length && t < tagOrder.Length;)
        {
            string fieldKey = fields[order[f]].Key;
            string tagKey = tags.KeyAt(tagOrder[t]);
            int comparison = EscapedKeyOrder.Compare(fieldKey, tagKey);
            if (comparison == 0 && fieldKey == tagKey)
            {
                rejection = Rejections.FieldKeyIsTagKey(fieldKey);
                return false;
            }

            if (comparison <= 0)
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
