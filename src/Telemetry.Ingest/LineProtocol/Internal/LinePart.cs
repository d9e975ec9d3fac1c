namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Which part of a frame a piece of text came from, for rejection reasons.</summary>
internal enum LinePart : byte
{
    Measurement,
    Source,
    TagKey,
    TagValue,
    FieldKey,
    StringValue,
}
