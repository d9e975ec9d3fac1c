namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Outcome of writing one piece of text into a line.</summary>
internal enum TextStatus : byte
{
    /// <summary>Written.</summary>
    Done,

    /// <summary>The line's byte budget ran out; the frame is too large.</summary>
    DestinationTooSmall,

    /// <summary>The text holds CR or LF.</summary>
    Newline,

    /// <summary>The text is not valid UTF-16 (a lone surrogate), so it has no UTF-8 form.</summary>
    InvalidUtf16,

    /// <summary>
    /// A backslash at the end of a name, or right before a character InfluxDB unescapes there:
    /// InfluxDB would read it as an escape and store something else (or refuse the line).
    /// </summary>
    UnsafeBackslash,
}
