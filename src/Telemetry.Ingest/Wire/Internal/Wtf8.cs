using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Telemetry.Ingest.Wire.Internal;

/// <summary>
/// UTF-8 that also carries lone surrogates (as the three bytes their code point would take, "WTF-8"). Frame objects
/// built in process can hold lone surrogates, which the encoder must reject by name; serialized this way they stay
/// visible as invalid UTF-8, which the network path never lets through (the reference parser refuses it).
/// </summary>
internal static class Wtf8
{
    /// <summary>Bytes <paramref name="text"/> takes (a lone surrogate takes 3, as U+FFFD would).</summary>
    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>Writes <paramref name="text"/>; <paramref name="destination"/> holds at least <see cref="ByteCount"/> bytes.</summary>
    public static int Write(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int total = 0;
        while (true)
        {
            OperationStatus status = Utf8.FromUtf16(text, destination[total..], out int read, out int written, replaceInvalidSequences: false);
            total += written;
            if (status != OperationStatus.InvalidData)
            {
                return total;
            }

            // A lone surrogate: its code point in three bytes.
            char c = text[read];
            destination[total++] = (byte)(0xE0 | (c >> 12));
            destination[total++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            destination[total++] = (byte)(0x80 | (c & 0x3F));
            text = text[(read + 1)..];
        }
    }

    /// <summary>Whether <paramref name="text"/> is valid UTF-8 (no lone surrogates): short ASCII text, the usual name, inline; the rest vectorised.</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> text)
    {
        if (text.Length <= 32)
        {
            int i = 0;
            while (i < text.Length && text[i] < 0x80)
            {
                i++;
            }

            if (i == text.Length)
            {
                return true;
            }
        }

        return Utf8.IsValid(text);
    }

    /// <summary>The text of <paramref name="bytes"/>, lone surrogates restored (any other invalid byte becomes U+FFFD).</summary>
    public static string ToString(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var builder = new StringBuilder(bytes.Length);
        Span<char> chars = stackalloc char[256];
        while (!bytes.IsEmpty)
        {
            OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
            builder.Append(chars[..written]);
            bytes = bytes[read..];
            if (status != OperationStatus.InvalidData)
            {
                continue;
            }

            if (bytes.Length >= 3 && bytes[0] == 0xED && bytes[1] is >= 0xA0 and <= 0xBF && bytes[2] is >= 0x80 and <= 0xBF)
            {
                builder.Append((char)(0xD000 | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F)));
                bytes = bytes[3..];
            }
            else
            {
                builder.Append('\uFFFD');
                bytes = bytes[1..];
            }
        }

        return builder.ToString();
    }
}
