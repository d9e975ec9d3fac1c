namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>UTF-16 checks for text that is not being transcoded.</summary>
internal static class Utf16Text
{
    /// <summary>Whether every surrogate in <paramref name="text"/> is part of a high-low pair.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        while (true)
        {
            int i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
            if (i < 0)
            {
                return true;
            }

            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            text = text[(i + 2)..];
        }
    }
}
