using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>A serialized frame with its parts located: what the checks and the line writer read.</summary>
internal readonly ref struct FrameView(ReadOnlySpan<byte> frame, in FrameHeader header, ReadOnlySpan<TagRef> tags, ReadOnlySpan<FieldRef> fields)
{
    public readonly ReadOnlySpan<byte> Bytes = frame;
    public readonly ReadOnlySpan<TagRef> Tags = tags;
    public readonly ReadOnlySpan<FieldRef> Fields = fields;
    public readonly TextRef SourceRef = header.Source;
    public readonly long TimestampNs = header.TimestampNs;
    private readonly TextRef _measurement = header.Measurement;

    public ReadOnlySpan<byte> Source => SourceRef.In(Bytes);

    public ReadOnlySpan<byte> Measurement => _measurement.In(Bytes);

    public ReadOnlySpan<byte> Text(TextRef text) => text.In(Bytes);

    /// <summary>Text as a string, for a rejection's reason only.</summary>
    public string Name(TextRef text) => Wtf8.ToString(text.In(Bytes));

    public TagKeyComparer TagComparer => new(Bytes, Tags, SourceRef);

    public FieldKeyComparer FieldComparer => new(Bytes, Fields);
}
