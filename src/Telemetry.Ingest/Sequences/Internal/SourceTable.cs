namespace Telemetry.Ingest.Sequences.Internal;

/// <summary>
/// The tracked (client, source) pairs with a least-recently-used list: lookup, use and eviction are O(1). Not
/// thread-safe (the tracker's lock guards it).
/// </summary>
internal sealed class SourceTable(int maxSources)
{
    private readonly Dictionary<(string Client, string Source), SourceWindow> _windows = [];
    private SourceWindow? _newest;
    private SourceWindow? _oldest;

    public int Count => _windows.Count;

    /// <summary>The pair's window, made the most recently used; null when it is not tracked.</summary>
    public SourceWindow? Find(string client, string source)
    {
        if (!_windows.TryGetValue((client, source), out var window))
        {
            return null;
        }
        Touch(window);
        return window;
    }

    /// <summary>The pair's window, created (evicting the least recently used when full) when it is not tracked.</summary>
    public SourceWindow GetOrAdd(string client, string source, Func<string, CounterRing> ringOf, ref long evicted)
    {
        if (Find(client, source) is { } found)
        {
            return found;
        }
        if (_windows.Count >= maxSources && _oldest is { } oldest)
        {
            Unlink(oldest);
            _windows.Remove(oldest.Key);
            evicted++;
        }
        var window = new SourceWindow((client, source), ringOf(source));
        _windows.Add(window.Key, window);
        LinkNewest(window);
        return window;
    }

    /// <summary>Every window, most recently used first.</summary>
    public IEnumerable<SourceWindow> NewestFirst()
    {
        for (var window = _newest; window is not null; window = window.Older)
        {
            yield return window;
        }
    }

    private void Touch(SourceWindow window)
    {
        if (!ReferenceEquals(window, _newest))
        {
            Unlink(window);
            LinkNewest(window);
        }
    }

    private void LinkNewest(SourceWindow window)
    {
        window.Older = _newest;
        window.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = window;
        }
        _newest = window;
        _oldest ??= window;
    }

    private void Unlink(SourceWindow window)
    {
        if (window.Newer is { } newer)
        {
            newer.Older = window.Older;
        }
        else
        {
            _newest = window.Older;
        }
        if (window.Older is { } older)
        {
            older.Newer = window.Newer;
        }
        else
        {
            _oldest = window.Newer;
        }
        window.Newer = null;
        window.Older = null;
    }
}
