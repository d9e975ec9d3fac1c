namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Orders UTF-8 keys by the bytes of their escaped form: the order in which InfluxDB expects tags (it compares the
/// escaped keys of a line, and re-sorts a line whose tags are out of that order).
/// </summary>
internal static class EscapedKeyOrder
{
    public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        // Equal raw prefixes have equal escaped forms: escaping is byte by byte.
        int common = x.CommonPrefixLength(y);
        x = x[common..];
        y = y[common..];
        if (!x.IsEmpty && !y.IsEmpty && !LineSyntax.IsEscapedInName(x[0], escapeEquals: true)
            && !LineSyntax.IsEscapedInName(y[0], escapeEquals: true))
        {
            // The usual case: the keys first differ in a byte written as it is.
            return x[0] < y[0] ? -1 : 1;
        }

        int i = 0, j = 0;
        bool xEscaped = false, yEscaped = false;
        while (true)
        {
            int a = Next(x, ref i, ref xEscaped);
            int b = Next(y, ref j, ref yEscaped);
            if (a != b)
            {
                // -1 marks the end, so a key sorts before every longer key it prefixes.
                return a < b ? -1 : 1;
            }

            if (a < 0)
            {
                return 0;
            }
        }
    }

    /// <summary>The next byte of the escaped form: a backslash, then the character it escapes.</summary>
    private static int Next(ReadOnlySpan<byte> text, ref int position, ref bool escapePending)
    {
        if (position >= text.Length)
        {
            return -1;
        }

        byte c = text[position];
        if (escapePending || !LineSyntax.IsEscapedInName(c, escapeEquals: true))
        {
            escapePending = false;
            position++;
            return c;
        }

        escapePending = true;
        return '\\';
    }
}
