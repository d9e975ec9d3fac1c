using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Writes one line into a fixed span whose length is the line's byte budget, from UTF-8 text. When the budget runs
/// out the writer turns <see cref="Overflowed"/> and keeps checking the remaining text without writing it, so a
/// frame's content errors are reported the same way whatever its size.
/// </summary>
internal ref struct LineWriter
{
    // Longer text goes straight to the vectorised path.
    private const int ShortTextBytes = 48;

    private readonly Span<byte> _buffer;
    private int _position;
    private bool _overflowed;

    public LineWriter(Span<byte> buffer) => _buffer = buffer;

    /// <summary>Bytes written so far; meaningless once <see cref="Overflowed"/>.</summary>
    public readonly int Position => _position;

    /// <summary>Whether the line did not fit its budget.</summary>
    public readonly bool Overflowed => _overflowed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte value)
    {
        if ((uint)_position < (uint)_buffer.Length)
        {
            _buffer[_position++] = value;
        }
        else
        {
            _overflowed = true;
        }
    }

    /// <summary>Writes a measurement (<paramref name="escapeEquals"/> false) or a tag key, tag value or field key.</summary>
    public TextStatus WriteName(ReadOnlySpan<byte> text, bool escapeEquals)
    {
        text = text[CopyPlainAscii(text, escapeEquals ? LineSyntax.KeyPlain : LineSyntax.MeasurementPlain)..];
        if (text.IsEmpty)
        {
            return TextStatus.Done;
        }

        SearchValues<byte> specials = escapeEquals ? LineSyntax.KeySpecials : LineSyntax.MeasurementSpecials;
        while (true)
        {
            int next = text.IndexOfAny(specials);
            if (!Copy(next < 0 ? text : text[..next]))
            {
                return TextStatus.InvalidUtf16;
            }

            if (next < 0)
            {
                return TextStatus.Done;
            }

            byte c = text[next];
            if (c is (byte)'\r' or (byte)'\n')
            {
                return TextStatus.Newline;
            }

            if (c == '\\')
            {
                if (next + 1 == text.Length || LineSyntax.UnescapedAfterBackslash.Contains(text[next + 1]))
                {
                    return TextStatus.UnsafeBackslash;
                }

                // Any other backslash is stored as it is: InfluxDB keeps '\' before characters it does not unescape.
                WriteByte((byte)'\\');
            }
            else
            {
                WriteEscaped(c);
            }

            text = text[(next + 1)..];
        }
    }

    /// <summary>Writes a string field value in double quotes, escaping '"' and '\'.</summary>
    public TextStatus WriteQuoted(ReadOnlySpan<byte> text)
    {
        WriteByte((byte)'"');
        text = text[CopyPlainAscii(text, LineSyntax.QuotedPlain)..];
        if (text.IsEmpty)
        {
            WriteByte((byte)'"');
            return TextStatus.Done;
        }

        while (true)
        {
            int next = text.IndexOfAny(LineSyntax.QuotedSpecials);
            if (!Copy(next < 0 ? text : text[..next]))
            {
                return TextStatus.InvalidUtf16;
            }

            if (next < 0)
            {
                WriteByte((byte)'"');
                return TextStatus.Done;
            }

            byte c = text[next];
            if (c is (byte)'\r' or (byte)'\n')
            {
                return TextStatus.Newline;
            }

            WriteEscaped(c);
            text = text[(next + 1)..];
        }
    }

    /// <summary>Writes a double in its shortest round-trip form ("1.5", "5E-324", "-0").</summary>
    public void WriteDouble(double value)
    {
        if (!_overflowed && DoubleFormat.TryFormat(value, _buffer[_position..], out int written))
        {
            _position += written;
        }
        else
        {
            _overflowed = true;
        }
    }

    /// <summary>Writes a signed integer in decimal.</summary>
    public void WriteInt64(long value)
    {
        if (!_overflowed && value.TryFormat(_buffer[_position..], out int written, default, CultureInfo.InvariantCulture))
        {
            _position += written;
        }
        else
        {
            _overflowed = true;
        }
    }

    /// <summary>Writes literal ASCII bytes such as "true".</summary>
    public void WriteAscii(ReadOnlySpan<byte> literal)
    {
        if (!_overflowed && literal.TryCopyTo(_buffer[_position..]))
        {
            _position += literal.Length;
        }
        else
        {
            _overflowed = true;
        }
    }

    /// <summary>
    /// Copies the leading run of short text that needs no escaping, byte by byte: for the short names and values
    /// of typical frames this beats a vectorised search. Returns the bytes consumed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CopyPlainAscii(ReadOnlySpan<byte> text, byte[] plain)
    {
        if (text.Length > ShortTextBytes || _overflowed)
        {
            return 0;
        }

        Span<byte> destination = _buffer[_position..];
        int count = Math.Min(text.Length, destination.Length);
        int i = 0;
        while (i < count)
        {
            byte c = text[i];
            if (c >= plain.Length || plain[c] == 0)
            {
                break;
            }

            destination[i++] = c;
        }

        _position += i;
        return i;
    }

    private void WriteEscaped(byte c)
    {
        WriteByte((byte)'\\');
        WriteByte(c);
    }

    /// <summary>Copies <paramref name="text"/>; false when it is not valid UTF-8 (it then held a lone surrogate).</summary>
    private bool Copy(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        bool valid = Wtf8.IsValidUtf8(text);
        if (!_overflowed && text.TryCopyTo(_buffer[_position..]))
        {
            _position += text.Length;
        }
        else
        {
            _overflowed = true;
        }

        return valid;
    }
}
