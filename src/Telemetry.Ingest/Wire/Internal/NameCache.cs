using System.Collections.Concurrent;
using System.Text;

namespace Telemetry.Ingest.Wire.Internal;

/// <summary>
/// The strings for source and measurement names read from the wire, shared so that a steady stream allocates none.
/// Bounded: past <see cref="MaxEntries"/> names, or for names over <see cref="MaxNameChars"/> characters, a new
/// string is made each time (a hostile client with endless names costs itself, not the server's memory: at most
/// about 16,384 x 300 B = 5 MB are held).
/// </summary>
internal static class NameCache
{
    public const int MaxEntries = 16_384;
    public const int MaxNameChars = 128;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Names held now.</summary>
    public static int Count => Names.Count;

    /// <summary>The string for UTF-8 (or <see cref="Wtf8"/>) <paramref name="utf8"/>.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        // Long names, and names with lone surrogates (from frame objects built in process), are not cached.
        if (utf8.Length > MaxNameChars || !System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return Wtf8.ToString(utf8);
        }

        Span<char> chars = stackalloc char[MaxNameChars];
        if (!Encoding.UTF8.TryGetChars(utf8, chars, out int count))
        {
            return Wtf8.ToString(utf8);
        }

        if (ByChars.TryGetValue(chars[..count], out string? name))
        {
            return name;
        }

        name = new string(chars[..count]);
        return Names.Count < MaxEntries ? Names.GetOrAdd(name, name) : name;
    }
}
