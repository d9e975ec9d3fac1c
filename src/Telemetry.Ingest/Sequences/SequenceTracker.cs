using System.IO.Hashing;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Diagnostics;
using Telemetry.Ingest.Names;
using Telemetry.Ingest.Sequences.Internal;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Sequences;

/// <summary>
/// Tells a resend from a new frame, and finds gaps and sender restarts in each source's <c>sequence</c>, per client.
/// A frame is a duplicate only when the same client already made a frame durable with the same source, sequence and
/// 64-bit fingerprint of its serialized bytes (timestamp, measurement, tags and fields): a reused number with other
/// content, a restarted counter, or sequence 0 ("none") is never one. Frames are remembered only once durable
/// (<see cref="Commit"/>), so a copy of a frame still in flight is written again (InfluxDB overwrites the identical
/// point). Thread-safe: one lock, taken once per batch on admission and once on commit; every step is O(1) per frame.
/// </summary>
public sealed class SequenceTracker
{
    /// <summary>Gaps and resets kept for <see cref="RecentGaps"/> and <see cref="RecentResets"/>: the last 20 of each.</summary>
    public const int RecentGapCount = 20;

    private readonly Lock _lock = new();
    private readonly SequenceOptions _options;
    private readonly SourceTable _sources;
    private readonly (GlobSet Sources, CounterRing Ring)[] _counters;
    private readonly RecentList<SequenceGap> _recentGaps = new(RecentGapCount);
    private readonly RecentList<SequenceReset> _recentResets = new(RecentGapCount);
    private readonly Func<string, CounterRing> _ringOf;
    private long _duplicates;
    private long _gaps;
    private long _missing;
    private long _late;
    private long _evicted;
    private long _resets;
    private long _changes;

    /// <summary>Creates a tracker; <paramref name="options"/> are validated.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public SequenceTracker(IOptions<SequenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var errors = Validate(_options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(SequenceOptions.SectionName, typeof(SequenceOptions), errors);
        }
        _sources = new SourceTable(_options.MaxSources);
        _counters = [.. _options.Counters.Select(c => (new GlobSet(c.Sources), new CounterRing(c.Bits)))];
        _ringOf = RingOf;
    }

    /// <summary>False when <see cref="SequenceOptions.Window"/> is 0: nothing is tracked.</summary>
    public bool Enabled => _options.Window > 0;

    /// <summary>The measurement gap and reset points are written to.</summary>
    public string GapMeasurement => _options.GapMeasurement;

    /// <summary>Current counters (a snapshot).</summary>
    public SequenceStats Stats
    {
        get
        {
            lock (_lock)
            {
                return new SequenceStats(_sources.Count, _duplicates, _gaps, _missing, _late, _evicted, _resets);
            }
        }
    }

    /// <summary>The last <see cref="RecentGapCount"/> gaps found, newest first.</summary>
    public IReadOnlyList<SequenceGap> RecentGaps => _recentGaps.Snapshot();

    /// <summary>The last <see cref="RecentGapCount"/> sender restarts found, newest first.</summary>
    public IReadOnlyList<SequenceReset> RecentResets => _recentResets.Snapshot();

    /// <summary>
    /// Checks every frame of a batch sent by <paramref name="client"/>: sets <paramref name="duplicate"/>[i] for a
    /// frame already made durable, and <paramref name="fingerprints"/>[i] for each other tracked frame (0 for a frame
    /// without source or sequence), to be passed to <see cref="Commit"/> once the batch is durable. Gaps and resets
    /// found are added to <paramref name="events"/>. Returns the number of duplicates.
    /// </summary>
    public int Admit(WireBatch frames, string client, Span<ulong> fingerprints, Span<bool> duplicate, ref SequenceEvents? events)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(client);
        for (var i = 0; i < frames.Count; i++)
        {
            // Outside the lock: hashing is the only per-byte work.
            fingerprints[i] = frames.SequenceOf(i) == 0 || frames.SourceOf(i).Length == 0
                ? 0
                : XxHash3.HashToUInt64(frames.FrameAt(i)) | 1;
        }
        var duplicates = 0;
        lock (_lock)
        {
            SourceWindow? window = null;
            string? windowSource = null;
            for (var i = 0; i < frames.Count; i++)
            {
                if (fingerprints[i] == 0)
                {
                    continue;
                }
                // Only a tracked frame changes a window: untracked traffic never makes a snapshot worth writing.
                _changes++;
                var source = frames.SourceOf(i);
                // Runs of one source (the usual batch) look their window up once.
                if (!ReferenceEquals(source, windowSource))
                {
                    window = _sources.GetOrAdd(client, source, _ringOf, ref _evicted);
                    windowSource = source;
                }
                var sequence = frames.SequenceOf(i);
                if (window!.Remembers(sequence, fingerprints[i]))
                {
                    duplicate[i] = true;
                    fingerprints[i] = 0;
                    duplicates++;
                    continue;
                }
                var position = window.Ring.PositionOf(sequence);
                if (position != 0)
                {
                    Observe(window, position, sequence, frames.TimestampOf(i), ref events);
                }
            }
            _duplicates += duplicates;
        }
        return duplicates;
    }

    /// <summary>
    /// Remembers the frames of <paramref name="frames"/> that are now durable (their indexes in
    /// <paramref name="kept"/>; those whose fingerprint is 0 are skipped), so that a later copy is a duplicate.
    /// </summary>
    public void Commit(WireBatch frames, string client, ReadOnlySpan<ulong> fingerprints, ReadOnlySpan<int> kept)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(client);
        lock (_lock)
        {
            SourceWindow? window = null;
            string? windowSource = null;
            foreach (var i in kept)
            {
                if (fingerprints[i] == 0)
                {
                    continue;
                }
                var source = frames.SourceOf(i);
                if (!ReferenceEquals(source, windowSource))
                {
                    // A pair evicted since admission is not brought back: its frames are simply not remembered.
                    window = _sources.Find(client, source);
                    windowSource = source;
                }
                if (window is not null)
                {
                    window.Remember(frames.SequenceOf(i), fingerprints[i], _options.Window);
                    _changes++;
                }
            }
        }
    }

    /// <summary>Changes since start (admissions and commits): a snapshot is worth writing when this moved.</summary>
    public long Changes
    {
        get
        {
            lock (_lock)
            {
                return _changes;
            }
        }
    }

    /// <summary>
    /// Writes every tracked window to <paramref name="path"/> atomically (a temporary file, fsynced, renamed over the
    /// old one, folder fsynced), so that a restarted server still recognises resends and reports gaps. Returns the
    /// windows written. The copy is taken under the lock (about 1 ms per 4 MB of windows); the file is written outside it.
    /// </summary>
    public int SaveSnapshot(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var copy = new MemoryStream();
        int count;
        lock (_lock)
        {
            var windows = _sources.NewestFirst().ToList();
            SnapshotFile.Write(copy, windows);
            count = windows.Count;
        }
        var temporary = path + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                copy.Position = 0;
                copy.CopyTo(file);
                Spool.Internal.SegmentFiles.Fsync(file);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A full or failing disk: leave no partial file behind to take the space the spool needs.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A read-only disk keeps what it has; the next save replaces it.
            }
            throw;
        }
        Spool.Internal.SegmentFiles.SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return count;
    }

    /// <summary>
    /// Restores the windows saved at <paramref name="path"/> (none when the file is missing). Throws
    /// <see cref="InvalidDataException"/> for a damaged file, leaving the tracker empty. Returns the windows restored.
    /// A window whose counter width changed in the configuration since is restored without its gap state.
    /// </summary>
    public int LoadSnapshot(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return 0;
        }
        List<SnapshotFile.SavedWindow> saved;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            saved = SnapshotFile.Read(file, _options.Window);
        }
        lock (_lock)
        {
            // Oldest first, so the least recently used order survives (and the newest win when MaxSources shrank).
            for (var i = saved.Count - 1; i >= 0; i--)
            {
                var w = saved[i];
                var window = _sources.GetOrAdd(w.Client, w.Source, _ringOf, ref _evicted);
                if (window.Ring.Bits == w.Bits)
                {
                    window.Highest = w.Highest;
                    window.NewestNs = w.NewestNs;
                }
                window.Restore(w.Slots);
            }
            return _sources.Count;
        }
    }

    private void Observe(SourceWindow window, ulong position, ulong sequence, long timestampNs, ref SequenceEvents? events)
    {
        switch (window.Observe(position, timestampNs, _options.MaxGap, out var previous))
        {
            case Observation.Gap:
                var missing = window.Ring.Forward(previous, position) - 1;
                var gap = new SequenceGap(window.Key.Source, window.Ring.Next(previous), window.Ring.Previous(position), missing, timestampNs);
                (events ??= new()).Gaps.Add(gap);
                _recentGaps.Add(gap);
                _gaps++;
                _missing = missing > (ulong)(long.MaxValue - _missing) ? long.MaxValue : _missing + (long)missing;
                break;
            case Observation.Late:
                _late++;
                break;
            case Observation.Reset:
                var reset = new SequenceReset(window.Key.Source, previous, sequence, timestampNs);
                (events ??= new()).Resets.Add(reset);
                _recentResets.Add(reset);
                _resets++;
                break;
        }
    }

    private CounterRing RingOf(string source)
    {
        foreach (var (sources, ring) in _counters)
        {
            if (sources.Matches(source))
            {
                return ring;
            }
        }
        return new CounterRing(64);
    }

    internal static List<string> Validate(SequenceOptions options)
    {
        var errors = new List<string>();
        if (options.Window != 0 && (options.Window is < 64 or > 1 << 20 || !int.IsPow2(options.Window)))
        {
            errors.Add($"Sequences:Window must be 0 (off) or a power of two from 64 to 1048576 (got {options.Window}).");
        }
        if (options.MaxSources is < 1 or > 1_000_000)
        {
            errors.Add($"Sequences:MaxSources must be between 1 and 1000000 (got {options.MaxSources}).");
        }
        if (options.MaxGap < 1)
        {
            errors.Add("Sequences:MaxGap must be at least 1.");
        }
        for (var i = 0; i < options.Counters.Count; i++)
        {
            var counter = options.Counters[i];
            if (counter.Bits is < 2 or > 63)
            {
                errors.Add($"Sequences:Counters:{i}:Bits must be between 2 and 63 (got {counter.Bits}).");
            }
            if (counter.Sources.Count == 0 || counter.Sources.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"Sequences:Counters:{i}:Sources must list at least one source name or pattern.");
            }
        }
        if (options.SnapshotInterval < TimeSpan.FromSeconds(1) || options.SnapshotInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"Sequences:SnapshotInterval must be between 00:00:01 and 01:00:00 (got {options.SnapshotInterval}).");
        }
        if (string.IsNullOrWhiteSpace(options.GapMeasurement))
        {
            errors.Add("Sequences:GapMeasurement must name a measurement.");
        }
        return errors;
    }
}
