namespace Telemetry.Ingest.Names;

/// <summary>
/// A set of name patterns (exact, or globs with <c>*</c> and <c>?</c>) matched ordinally. An empty set or a lone
/// <c>*</c> matches every name.
/// </summary>
public sealed class GlobSet
{
    private readonly string[] _patterns;

    /// <summary>A set of <paramref name="patterns"/>; an empty collection matches every name.</summary>
    public GlobSet(IReadOnlyCollection<string> patterns)
    {
        _patterns = patterns.Count == 0 ? ["*"] : [.. patterns];
        MatchesAll = _patterns.Contains("*");
    }

    /// <summary>True when every name matches (no patterns, or a lone <c>*</c> among them).</summary>
    public bool MatchesAll { get; }

    /// <summary>The patterns, comma-separated.</summary>
    public override string ToString() => string.Join(", ", _patterns);

    /// <summary>Whether <paramref name="name"/> matches one of the patterns (ordinal, case-sensitive).</summary>
    public bool Matches(string name)
    {
        if (MatchesAll)
        {
            return true;
        }
        foreach (var pattern in _patterns)
        {
            if (Glob(pattern, name))
            {
                return true;
            }
        }
        return false;
    }

    // Iterative wildcard match: linear in practice, at worst O(pattern x name), never exponential.
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
