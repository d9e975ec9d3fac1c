using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// The part of an accepted frame's line that depends only on its measurement, source, tags and field keys: the
/// escaped series key and the escaped field keys, with the raw bytes they came from. Every check on those bytes
/// (reserved, duplicate, empty keys, newlines, lone surrogates, unsafe backslashes, the series-plus-field key
/// limit) passed when the layout was made, so a frame with exactly the same bytes there needs only its values
/// checked and written. Fixed-size buffers: about 2.3 KB per layout, allocated once.
/// </summary>
internal sealed class LineLayout
{
    /// <summary>Frames with more tags, more fields or more raw layout bytes than these are never remembered.</summary>
    public const int MaxTags = 16;

    /// <summary>See <see cref="MaxTags"/>.</summary>
    public const int MaxFields = 64;

    /// <summary>See <see cref="MaxTags"/>.</summary>
    public const int MaxRawBytes = 512;

    // Escaping at most doubles a byte; the line adds ',' and '=' per tag, "source=" and the separators.
    private const int MaxLineBytes = (2 * MaxRawBytes) + (2 * MaxTags) + MaxFields + 16;

    // Raw parts in order: measurement, source, each tag's key and value, each field's key.
    private const int MaxParts = 2 + (2 * MaxTags) + MaxFields;

    private readonly byte[] _raw = new byte[MaxRawBytes];
    private readonly int[] _rawEnds = new int[MaxParts];
    private readonly byte[] _line = new byte[MaxLineBytes];
    private readonly int[] _fieldKeyEnds = new int[MaxFields];
    private int _tagCount = -1;
    private int _fieldCount;
    private int _seriesKeyBytes;

    /// <summary>The escaped series key: measurement, sorted tags and <c>source</c>, as the line starts.</summary>
    public ReadOnlySpan<byte> SeriesKey => _line.AsSpan(0, _seriesKeyBytes);

    /// <summary>Bytes of the series key and all escaped field keys.</summary>
    public int FixedBytes => _fieldCount == 0 ? _seriesKeyBytes : _fieldKeyEnds[_fieldCount - 1];

    /// <summary>The escaped key of field <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> FieldKey(int index)
    {
        int start = index == 0 ? _seriesKeyBytes : _fieldKeyEnds[index - 1];
        return _line.AsSpan(start, _fieldKeyEnds[index] - start);
    }

    /// <summary>Whether <paramref name="frame"/> has no more tags and fields than a layout holds (cheap: counts only).</summary>
    public static bool Fits(in FrameView frame) => frame.Tags.Length <= MaxTags && frame.Fields.Length <= MaxFields;

    /// <summary>Whether <paramref name="frame"/>'s layout fits the buffers: <see cref="Fits"/> and at most <see cref="MaxRawBytes"/> raw bytes.</summary>
    public static bool CanStore(in FrameView frame)
    {
        if (!Fits(frame))
        {
            return false;
        }

        long rawBytes = frame.Measurement.Length + frame.Source.Length;
        foreach (TagRef tag in frame.Tags)
        {
            rawBytes += tag.Key.Length + tag.Value.Length;
        }

        foreach (FieldRef field in frame.Fields)
        {
            rawBytes += field.Key.Length;
        }

        return rawBytes <= MaxRawBytes;
    }

    /// <summary>Whether <paramref name="frame"/>'s measurement, source, tags and field keys are byte for byte this layout's.</summary>
    public bool Matches(in FrameView frame)
    {
        if (frame.Tags.Length != _tagCount || frame.Fields.Length != _fieldCount)
        {
            return false;
        }

        int part = 0;
        if (!Same(frame.Measurement, ref part) || !Same(frame.Source, ref part))
        {
            return false;
        }

        foreach (TagRef tag in frame.Tags)
        {
            if (!Same(frame.Text(tag.Key), ref part) || !Same(frame.Text(tag.Value), ref part))
            {
                return false;
            }
        }

        foreach (FieldRef field in frame.Fields)
        {
            if (!Same(frame.Text(field.Key), ref part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Remembers the layout of an accepted frame, which <see cref="CanStore"/>, from its written
    /// <paramref name="line"/>: the series key is its first <paramref name="seriesKeyBytes"/>, field key i lies at
    /// <paramref name="fieldKeyRanges"/>[i].
    /// </summary>
    public void Store(in FrameView frame, ReadOnlySpan<byte> line, int seriesKeyBytes, ReadOnlySpan<Range> fieldKeyRanges)
    {
        int rawBytes = 0;
        int part = 0;
        Append(frame.Measurement, ref rawBytes, ref part);
        Append(frame.Source, ref rawBytes, ref part);
        foreach (TagRef tag in frame.Tags)
        {
            Append(frame.Text(tag.Key), ref rawBytes, ref part);
            Append(frame.Text(tag.Value), ref rawBytes, ref part);
        }

        foreach (FieldRef field in frame.Fields)
        {
            Append(frame.Text(field.Key), ref rawBytes, ref part);
        }

        // The series key, then the field keys packed one after another.
        line[..seriesKeyBytes].CopyTo(_line);
        int end = seriesKeyBytes;
        for (int i = 0; i < fieldKeyRanges.Length; i++)
        {
            ReadOnlySpan<byte> key = line[fieldKeyRanges[i]];
            key.CopyTo(_line.AsSpan(end));
            end += key.Length;
            _fieldKeyEnds[i] = end;
        }

        _seriesKeyBytes = seriesKeyBytes;
        _fieldCount = frame.Fields.Length;
        _tagCount = frame.Tags.Length;
    }

    private bool Same(ReadOnlySpan<byte> text, ref int part)
    {
        int start = part == 0 ? 0 : _rawEnds[part - 1];
        int end = _rawEnds[part++];
        return text.SequenceEqual(_raw.AsSpan(start, end - start));
    }

    private void Append(ReadOnlySpan<byte> text, ref int rawBytes, ref int part)
    {
        text.CopyTo(_raw.AsSpan(rawBytes));
        rawBytes += text.Length;
        _rawEnds[part++] = rawBytes;
    }
}
