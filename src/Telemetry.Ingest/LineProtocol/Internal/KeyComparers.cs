using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Orders indices of a frame's tags by escaped key. Index <c>tags.Length</c> stands for the <c>source</c> tag the
/// server adds.
/// </summary>
internal readonly ref struct TagKeyComparer(ReadOnlySpan<byte> frame, ReadOnlySpan<TagRef> tags, TextRef source)
    : IComparer<int>
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private readonly ReadOnlySpan<TagRef> _tags = tags;

    public ReadOnlySpan<byte> KeyAt(int index) => index == _tags.Length ? ReservedKeys.Source : _tags[index].Key.In(_frame);

    public ReadOnlySpan<byte> ValueAt(int index) => index == _tags.Length ? source.In(_frame) : _tags[index].Value.In(_frame);

    public int Compare(int x, int y) => EscapedKeyOrder.Compare(KeyAt(x), KeyAt(y));
}

/// <summary>Orders indices of a frame's fields by escaped key.</summary>
internal readonly ref struct FieldKeyComparer(ReadOnlySpan<byte> frame, ReadOnlySpan<FieldRef> fields) : IComparer<int>
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private readonly ReadOnlySpan<FieldRef> _fields = fields;

    public ReadOnlySpan<byte> KeyAt(int index) => _fields[index].Key.In(_frame);

    public int Compare(int x, int y) => EscapedKeyOrder.Compare(KeyAt(x), KeyAt(y));
}
