using Google.Protobuf.Collections;
using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Orders indices of a frame's tags by escaped key. Index <c>tags.Count</c> stands for the <c>source</c> tag the
/// server adds.
/// </summary>
internal readonly struct TagKeyComparer(RepeatedField<Tag> tags) : IComparer<int>
{
    public string KeyAt(int index) => index == tags.Count ? ReservedKeys.Source : tags[index].Key;

    public string ValueAt(int index, Frame frame) => index == tags.Count ? frame.Source : tags[index].Value;

    public int Compare(int x, int y) => EscapedKeyOrder.Compare(KeyAt(x), KeyAt(y));
}

/// <summary>Orders indices of a frame's fields by escaped key.</summary>
internal readonly struct FieldKeyComparer(RepeatedField<Field> fields) : IComparer<int>
{
    public int Compare(int x, int y) => EscapedKeyOrder.Compare(fields[x].Key, fields[y].Key);
}
