using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Where a hostile string is placed in a frame.</summary>
public enum FramePart
{
    Measurement,
    TagKey,
    TagValue,
    FieldKey,
    StringValue,
}

/// <summary>
/// The hostile-string table: each string, and per part of a frame either null (the encoder accepts it and InfluxDB
/// stores it exactly) or the code the encoder rejects it with. Established against influxd 1.6.7.
/// </summary>
public static class HostileStrings
{
    private const RejectionCode Invalid = RejectionCode.Invalid;
    private const RejectionCode Newline = RejectionCode.Newline;
    private const RejectionCode Reserved = RejectionCode.ReservedKey;

    private static readonly RejectionCode?[] Stored = [null, null, null, null, null];
    private static readonly RejectionCode?[] StoredOnlyAsString = [Invalid, Invalid, Invalid, Invalid, null];
    private static readonly RejectionCode?[] ReservedKey = [null, Reserved, null, Reserved, null];

    /// <summary>Name, text, and the outcome for each <see cref="FramePart"/> in declaration order.</summary>
    public static readonly IReadOnlyList<(string Name, string Text, RejectionCode?[] Outcomes)> Table =
    [
        ("space", "a b", Stored),
        ("comma", "a,b", Stored),
        ("equals", "a=b", Stored),
        ("double quote inside", "a\"b", Stored),
        ("lone double quote", "\"", Stored),
        ("double-quoted", "\"a\"", Stored),
        ("backslash inside", "a\\b", Stored),
        ("backslash first", "\\a", Stored),
        ("two backslashes inside", "a\\\\b", Stored),
        ("backslash-n letters", "a\\nb", Stored),
        ("backslash-t letters", "\\t", Stored),
        ("trailing backslash", "a\\", StoredOnlyAsString),
        ("only a backslash", "\\", StoredOnlyAsString),
        ("two trailing backslashes", "a\\\\", StoredOnlyAsString),
        ("backslash before space", "a\\ b", StoredOnlyAsString),
        ("backslash before comma", "a\\,b", StoredOnlyAsString),
        ("backslash before equals", "a\\=b", StoredOnlyAsString),
        ("backslash before double quote", "a\\\"b", StoredOnlyAsString),
        ("hash first (comment line)", "#x", [Invalid, null, null, null, null]),
        ("tab first", "\tx", [Invalid, null, null, Invalid, null]),
        ("NUL first", "\0x", [Invalid, null, null, Invalid, null]),
        ("tab inside", "a\tb", Stored),
        ("tab last", "x\t", Stored),
        ("NUL last", "x\0", Stored),
        ("control characters", "\u0001x\u001f\u007f", Stored),
        ("line feed", "a\nb", [Newline, Newline, Newline, Newline, Newline]),
        ("carriage return", "a\rb", [Newline, Newline, Newline, Newline, Newline]),
        ("trailing CRLF", "ab\r\n", [Newline, Newline, Newline, Newline, Newline]),
        ("unicode", "ü€😀ひ", Stored),
        ("unicode spaces and BOM", "\u00a0x\u2028\ufeff\u3000", Stored),
        ("lone high surrogate", "a\ud800b", [Invalid, Invalid, Invalid, Invalid, Invalid]),
        ("lone low surrogate", "\udc00", [Invalid, Invalid, Invalid, Invalid, Invalid]),
        ("swapped surrogates", "\udc00\ud800", [Invalid, Invalid, Invalid, Invalid, Invalid]),
        ("leading space", " x", Stored),
        ("trailing space", "x ", Stored),
        ("only a space", " ", Stored),
        ("leading equals", "=x", Stored),
        ("leading comma", ",x", Stored),
        ("underscore first", "_x", Stored),
        ("time", "time", ReservedKey),
        ("_field", "_field", ReservedKey),
        ("_measurement", "_measurement", ReservedKey),
        ("source", "source", [null, Reserved, null, RejectionCode.DuplicateKey, null]),
        ("Time (case differs)", "Time", Stored),
        ("line protocol lookalike", "m,t=v f=1i 1", Stored),
        ("long (4096 chars)", new string('k', 4096), Stored),
    ];

    /// <summary>Every (case, part) pair, for theories.</summary>
    public static IEnumerable<object[]> Cases() =>
        from entry in Table
        from part in Enum.GetValues<FramePart>()
        select new object[] { entry.Name, part };

    public static (string Text, RejectionCode? Outcome) Find(string name, FramePart part)
    {
        var entry = Table.Single(e => e.Name == name);
        return (entry.Text, entry.Outcomes[(int)part]);
    }

    /// <summary>
    /// A frame with <paramref name="text"/> in <paramref name="part"/>: measurement "m" (unless the measurement is
    /// the part), source "s", and an integer field "n" = 1 besides a field under test.
    /// </summary>
    public static Frame FrameWith(FramePart part, string text)
    {
        Frame frame = Frames.Valid();
        frame.Fields.Clear();
        switch (part)
        {
            case FramePart.Measurement:
                frame.Measurement = text;
                break;
            case FramePart.TagKey:
                frame.Tags.Add(Frames.Tag(text, "v"));
                break;
            case FramePart.TagValue:
                frame.Tags.Add(Frames.Tag("k", text));
                break;
            case FramePart.FieldKey:
                frame.Fields.Add(Frames.Int(text, 7));
                break;
            default:
                frame.Fields.Add(Frames.String("str", text));
                break;
        }

        if (part != FramePart.FieldKey)
        {
            frame.Fields.Add(Frames.Int("n", 1));
        }

        return frame;
    }
}
