using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Frames for encoder tests: a valid base frame and short constructors for tags and fields.</summary>
internal static class Frames
{
    public const long Timestamp = 1_700_000_000_123_456_789;

    /// <summary>A valid frame with no tags and one field <c>f=1i</c>; tests change what they exercise.</summary>
    public static Frame Valid(string measurement = "m", string source = "s") => new()
    {
        Source = source,
        Sequence = 42,
        TimestampNs = Timestamp,
        Measurement = measurement,
        Fields = { Int("f", 1) },
    };

    public static Tag Tag(string key, string value) => new() { Key = key, Value = value };

    public static Field Double(string key, double value) => new() { Key = key, DoubleValue = value };

    public static Field Int(string key, long value) => new() { Key = key, IntValue = value };

    public static Field Bool(string key, bool value) => new() { Key = key, BoolValue = value };

    public static Field String(string key, string value) => new() { Key = key, StringValue = value };

    /// <summary>A frame whose only fields are <paramref name="fields"/>.</summary>
    public static Frame WithFields(params Field[] fields)
    {
        Frame frame = Valid();
        frame.Fields.Clear();
        frame.Fields.Add(fields);
        return frame;
    }
}
