using System.Text;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Orders keys by the bytes of their escaped UTF-8 form: the order in which InfluxDB expects tags (it compares the
/// escaped keys of a line, and re-sorts a line whose tags are out of that order).
/// </summary>
internal static class EscapedKeyOrder
{
    public static int Compare(string x, string y)
    {
        // Typical keys already differ in a first character that is written as it is.
        if (x.Length > 0 && y.Length > 0 && x[0] != y[0] && IsWrittenAsIs(x[0]) && IsWrittenAsIs(y[0]))
        {
            return x[0] < y[0] ? -1 : 1;
        }

        int common = x.AsSpan().CommonPrefixLength(y);

        // Equal UTF-16 prefixes have equal escaped forms, but do not start in the middle of a surrogate pair.
        if (common > 0 && char.IsHighSurrogate(x[common - 1]))
        {
            common--;
        }

        var left = new EscapedBytes(x, common);
        var right = new EscapedBytes(y, common);
        while (true)
        {
            int a = left.Next();
            int b = right.Next();
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

    private static bool IsWrittenAsIs(char c) => c < 0x80 && !LineSyntax.IsEscapedInName(c, escapeEquals: true);

    /// <summary>The bytes of a key as <see cref="LineWriter.WriteName"/> writes it, one at a time.</summary>
    private struct EscapedBytes(string text, int start)
    {
        private int _position = start;
        private uint _pending;
        private int _pendingCount;

        public int Next()
        {
            if (_pendingCount > 0)
            {
                _pendingCount--;
                int b = (int)(_pending & 0xFF);
                _pending >>= 8;
                return b;
            }

            if (_position >= text.Length)
            {
                return -1;
            }

            char c = text[_position];
            if (c < 0x80)
            {
                _position++;
                if (LineSyntax.IsEscapedInName(c, escapeEquals: true))
                {
                    _pending = c;
                    _pendingCount = 1;
                    return '\\';
                }

                return c;
            }

            // A lone surrogate decodes as U+FFFD; such a key is rejected later anyway.
            Rune.DecodeFromUtf16(text.AsSpan(_position), out Rune rune, out int consumed);
            _position += consumed;
            Span<byte> utf8 = stackalloc byte[4];
            int length = rune.EncodeToUtf8(utf8);
            for (int i = length - 1; i > 0; i--)
            {
                _pending = (_pending << 8) | utf8[i];
            }

            _pendingCount = length - 1;
            return utf8[0];
        }
    }
}
