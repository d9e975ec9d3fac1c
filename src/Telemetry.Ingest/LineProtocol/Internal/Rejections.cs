using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Builds rejection reasons. Kept out of line: the reason strings are the only allocations of encoding, and only
/// rejected frames pay for them.
/// </summary>
internal static class Rejections
{
    private const int MaxQuotedChars = 64;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo Missing(string what) => new(RejectionCode.Missing, what);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo EmptyKey(string kind, int index) =>
        new(RejectionCode.Missing, $"{kind} #{index} has an empty key");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo EmptyTagValue(string key) =>
        new(RejectionCode.Missing, $"tag {Quote(key)} has an empty value");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo NoFieldValue(string key) =>
        new(RejectionCode.Missing, $"field {Quote(key)} has no value set");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo ReservedKey(string kind, string key) =>
        new(RejectionCode.ReservedKey, key == "source"
            ? $"{kind} key {Quote(key)} is reserved: the server writes the frame's source as this tag"
            : $"{kind} key {Quote(key)} is reserved by InfluxDB");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo DuplicateKey(string kind, string key) =>
        new(RejectionCode.DuplicateKey, $"{kind} key {Quote(key)} appears more than once");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo FieldKeyIsTagKey(string key) =>
        new(RejectionCode.DuplicateKey,
            $"field key {Quote(key)} is also a tag key; InfluxDB would drop or rename the field");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo NonFinite(string key, double value) =>
        new(RejectionCode.NonFinite,
            $"field {Quote(key)} is {value.ToString(CultureInfo.InvariantCulture)}; InfluxDB stores only finite numbers");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo TimestampOutOfRange(long timestampNs) =>
        new(RejectionCode.Invalid,
            $"timestamp {timestampNs} ns is outside InfluxDB's range {InfluxLimits.MinTimestampNs}..{InfluxLimits.MaxTimestampNs}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo CommentMeasurement(string measurement) =>
        new(RejectionCode.Invalid,
            $"measurement {Quote(measurement)} starts with '#', which InfluxDB reads as a comment line");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo SkippedLeadingChar(LinePart part, string text) =>
        new(RejectionCode.Invalid, $"{Describe(part, text)} starts with a tab or NUL, which InfluxDB strips");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo LineTooLarge(int maxLineBytes) =>
        new(RejectionCode.TooLarge, $"the encoded line is longer than the {maxLineBytes}-byte limit");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo KeyTooLarge(string fieldKey) =>
        new(RejectionCode.TooLarge,
            $"measurement, tags and field key {Quote(fieldKey)} exceed InfluxDB's {InfluxLimits.MaxSeriesFieldKeyBytes}-byte key limit");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo NotAFrame() =>
        new(RejectionCode.Invalid, "the frame is not a valid serialized telemetry.v1.Frame");

    /// <summary>The rejection for a content problem found while writing <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrameRejectionInfo ForText(TextStatus status, LinePart part, string key, string text) =>
        status switch
        {
            TextStatus.Newline => new(RejectionCode.Newline, $"{Describe(part, key)} contains a newline (CR or LF)"),
            TextStatus.InvalidUtf16 => new(RejectionCode.Invalid,
                $"{Describe(part, key)} is not valid UTF-16 (a lone surrogate), so it has no UTF-8 form"),
            TextStatus.UnsafeBackslash => new(RejectionCode.Invalid,
                $"{Describe(part, key)} has a backslash at its end or before ',', '=', ' ' or '\"', "
                + $"which InfluxDB would read as an escape (text {Quote(text)})"),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

    /// <summary>Names a part of the frame; <paramref name="key"/> is the tag or field key it belongs to.</summary>
    private static string Describe(LinePart part, string key) => part switch
    {
        LinePart.Measurement => $"measurement {Quote(key)}",
        LinePart.Source => $"source {Quote(key)}",
        LinePart.TagKey => $"tag key {Quote(key)}",
        LinePart.TagValue => $"value of tag {Quote(key)}",
        LinePart.FieldKey => $"field key {Quote(key)}",
        _ => $"string value of field {Quote(key)}",
    };

    /// <summary>Quotes text for a reason: control characters made visible, long text shortened.</summary>
    internal static string Quote(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxQuotedChars) + 8);
        builder.Append('"');
        foreach (char c in text.Length > MaxQuotedChars ? text.AsSpan(0, MaxQuotedChars) : text)
        {
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ when char.IsControl(c) || char.IsSurrogate(c) => builder.Append($"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        builder.Append(text.Length > MaxQuotedChars ? $"\"... ({text.Length} chars)" : "\"");
        return builder.ToString();
    }
}
