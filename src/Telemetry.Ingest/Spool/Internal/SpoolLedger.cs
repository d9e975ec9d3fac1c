using System.Threading.Channels;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// What the writer, the forwarder and the counters share about the segments on disk: their lengths, which one is
/// active, how far it is fsynced, and the bytes they take against the quota. Thread-safe.
/// </summary>
internal sealed class SpoolLedger
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, long> _lengths = [];
    private readonly Dictionary<long, long> _abandoned = [];
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long _activeId = -1;
    private long _committed;
    private long _totalBytes;

    public SpoolLedger(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Bytes of every segment file, against <see cref="SpoolOptions.MaxBytes"/>.</summary>
    public long TotalBytes => Volatile.Read(ref _totalBytes);

    public int SegmentCount
    {
        get
        {
            lock (_lock)
            {
                return _lengths.Count;
            }
        }
    }

    /// <summary>Registers a segment found at start (sealed, with its length after recovery).</summary>
    public void AddSealed(long id, long length)
    {
        lock (_lock)
        {
            _lengths[id] = length;
            _totalBytes += length;
        }
    }

    /// <summary>A new active segment: every earlier one is sealed.</summary>
    public void StartActive(long id)
    {
        lock (_lock)
        {
            _lengths[id] = 0;
            _activeId = id;
            _committed = 0;
        }
        _commits.Writer.TryWrite(true);
    }

    /// <summary>
    /// The active segment <paramref name="id"/> was abandoned after a failed commit with <paramref name="bytes"/> past
    /// its committed length that could not be cut off: they count against the quota until the segment is deleted,
    /// while the forwarder still reads only up to the committed length.
    /// </summary>
    public void Abandoned(long id, long bytes)
    {
        lock (_lock)
        {
            if (bytes <= 0 || !_lengths.ContainsKey(id))
            {
                return;
            }
            _abandoned[id] = _abandoned.GetValueOrDefault(id) + bytes;
            _totalBytes += bytes;
        }
    }

    /// <summary>Bytes of failed commits left in abandoned segments (counted in <see cref="TotalBytes"/>).</summary>
    public long AbandonedBytes
    {
        get
        {
            lock (_lock)
            {
                return _abandoned.Values.Sum();
            }
        }
    }

    /// <summary>The active segment is fsynced up to <paramref name="length"/>; wakes the forwarder.</summary>
    public void Committed(long length)
    {
        lock (_lock)
        {
            _totalBytes += length - _lengths[_activeId];
            _lengths[_activeId] = length;
            _committed = length;
        }
        _commits.Writer.TryWrite(true);
    }

    /// <summary>The end of what is fsynced: the active segment and its committed length.</summary>
    public (long SegmentId, long Offset) CommittedEnd
    {
        get
        {
            lock (_lock)
            {
                return (_activeId, _committed);
            }
        }
    }

    /// <summary>Where the forwarder may read <paramref name="id"/> up to, and whether that segment is final.</summary>
    public (long Limit, bool Sealed) Position(long id)
    {
        lock (_lock)
        {
            if (id == _activeId)
            {
                return (_committed, false);
            }
            return (_lengths.TryGetValue(id, out var length) ? length : 0, true);
        }
    }

    /// <summary>The segment after <paramref name="id"/>, or null when <paramref name="id"/> is the newest.</summary>
    public long? NextAfter(long id)
    {
        lock (_lock)
        {
            foreach (var key in _lengths.Keys)
            {
                if (key > id)
                {
                    return key;
                }
            }
            return null;
        }
    }

    /// <summary>Whether segment <paramref name="id"/> exists (recovered, or created by the writer).</summary>
    public bool Knows(long id)
    {
        lock (_lock)
        {
            return _lengths.ContainsKey(id);
        }
    }

    /// <summary>The oldest segment, or null when there is none.</summary>
    public long? Oldest()
    {
        lock (_lock)
        {
            foreach (var key in _lengths.Keys)
            {
                return key;
            }
            return null;
        }
    }

    /// <summary>Deletes a sealed segment that InfluxDB has confirmed whole.</summary>
    public void Delete(long id)
    {
        lock (_lock)
        {
            if (id == _activeId || !_lengths.Remove(id, out var length))
            {
                return;
            }
            _totalBytes -= length;
            if (_abandoned.Remove(id, out var abandoned))
            {
                _totalBytes -= abandoned;
            }
        }
        File.Delete(SegmentFiles.PathOf(Directory, id));
    }

    /// <summary>Waits until a commit or a new segment may have given the forwarder more to read.</summary>
    public async ValueTask WaitForCommitAsync(CancellationToken ct)
    {
        if (await _commits.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            _commits.Reader.TryRead(out _);
        }
    }
}
