namespace Telemetry.Ingest.Diagnostics;

/// <summary>The last <paramref name="capacity"/> items added, kept for status displays. Thread-safe.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="capacity">How many items are kept.</param>
public sealed class RecentList<T>(int capacity)
{
    private readonly Lock _lock = new();
    private readonly T[] _items = new T[capacity];
    private long _count;

    /// <summary>Adds an item, forgetting the oldest when full.</summary>
    public void Add(T item)
    {
        lock (_lock)
        {
            _items[_count++ % _items.Length] = item;
        }
    }

    /// <summary>The items kept, newest first.</summary>
    public T[] Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_count, _items.Length);
            var result = new T[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _items[(_count - 1 - i) % _items.Length];
            }

            return result;
        }
    }
}
