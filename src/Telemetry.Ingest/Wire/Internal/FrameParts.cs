namespace Telemetry.Ingest.Wire.Internal;

/// <summary>Where a piece of text lies in a serialized frame: byte offset and length.</summary>
internal readonly record struct TextRef(int Start, int Length)
{
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> frame) => frame.Slice(Start, Length);
}

/// <summary>One tag of a serialized frame.</summary>
internal readonly record struct TagRef(TextRef Key, TextRef Value);

/// <summary>Which member of a field's value oneof is set (as in <c>Field.ValueOneofCase</c>).</summary>
internal enum FieldKind : byte
{
    None = 0,
    Double = 2,
    Int = 3,
    Bool = 4,
    String = 5,
}

/// <summary>One field of a serialized frame: the numeric value's raw bits, or where its string lies.</summary>
internal readonly record struct FieldRef(TextRef Key, FieldKind Kind, ulong Bits, TextRef Text)
{
    public double Double => BitConverter.UInt64BitsToDouble(Bits);

    public long Int => unchecked((long)Bits);
}

/// <summary>The scalar members of a serialized frame and how many tags and fields it has.</summary>
internal struct FrameHeader
{
    public TextRef Source;
    public TextRef Measurement;
    public ulong Sequence;
    public long TimestampNs;
    public int TagCount;
    public int FieldCount;
}
