using Telemetry.Ingest.Diagnostics;
using Telemetry.Ingest.Wire;
using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Sequences.Internal;

namespace Telemetry.Ingest.Sequences;

/// <summary>
/// Detects duplicates and gaps in each source's <c>sequence</c>, as a completeness index does: a frame whose
/// (source, sequence) was already kept within <see cref="SequenceOptions.Window"/> is a duplicate; a sequence that
/// jumps past the next expected one opens a gap. Frames without a source are not tracked. Thread-safe: one lock,
/// taken once per batch.
/// </summary>
public sealed class SequenceTracker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SourceWindow> _sources = new(StringComparer.Ordinal);
    private readonly SequenceOptions _options;
    private long _clock;
    private long _duplicates;
    private long _gaps;
    private long _missing;
    private long _late;
    private long _evicted;
    private readonly RecentList<SequenceGap> _recent = new(RecentGapCount);

    /// <summary>Gaps kept for <see cref="RecentGaps"/>: the last 20.</summary>
    public const int RecentGapCount = 20;

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
    }

    /// <summary>False when <see cref="SequenceOptions.Window"/> is 0: nothing is tracked.</summary>
    public bool Enabled => _options.Window > 0;

    /// <summary>The measurement gap points are written to.</summary>
    public string GapMeasurement => _options.GapMeasurement;

    /// <summary>Current counters (a snapshot).</summary>
    public SequenceStats Stats
    {
        get
        {
            lock (_lock)
            {
                return new SequenceStats(_sources.Count, _duplicates, _gaps, _missing, _late, _evicted);
            }
        }
    }

    /// <summary>The last <see cref="RecentGapCount"/> gaps found, newest first.</summary>
    public IReadOnlyList<SequenceGap> RecentGaps => _recent.Snapshot();

    /// <summary>
    /// Marks every frame of a batch seen: sets <paramref name="duplicate"/>[i] for frames already kept, and adds each
    /// gap found to <paramref name="gaps"/>. Returns the number of duplicates.
    /// </summary>
    public int Admit(WireBatch frames, Span<bool> duplicate, ref List<SequenceGap>? gaps)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var duplicates = 0;
        lock (_lock)
        {
            var now = ++_clock;
            SourceWindow? window = null;
            string? windowSource = null;
            for (var i = 0; i < frames.Count; i++)
            {
                var source = frames.SourceOf(i);
                if (source.Length == 0)
                {
                    continue;
                }
                // Runs of one source (the usual batch) look their window up once.
                if (!ReferenceEquals(source, windowSource))
                {
                    window = WindowOf(source, now);
                    windowSource = source;
                }
                var sequence = frames.SequenceOf(i);
                if (!window!.TryMark(sequence, out var gapFirst, out var late))
                {
                    duplicate[i] = true;
                    duplicates++;
                    continue;
                }
                _late += late ? 1 : 0;
                if (gapFirst is { } first)
                {
                    var gap = new SequenceGap(source, first, sequence - 1, frames.TimestampOf(i));
                    (gaps ??= []).Add(gap);
                    _recent.Add(gap);
                    _gaps++;
                    _missing += (long)(sequence - first);
                }
            }
            _duplicates += duplicates;
        }
        return duplicates;
    }

    /// <summary>
    /// Forgets the frames of a batch that was not kept (refused or failed), except those marked duplicate, so that
    /// their resend is written rather than taken for a duplicate.
    /// </summary>
    public void Release(WireBatch frames, ReadOnlySpan<bool> duplicate)
    {
        ArgumentNullException.ThrowIfNull(frames);
        lock (_lock)
        {
            for (var i = 0; i < frames.Count; i++)
            {
                if (!duplicate[i] && _sources.TryGetValue(frames.SourceOf(i), out var window))
                {
                    window.Unmark(frames.SequenceOf(i));
                }
            }
        }
    }

    private SourceWindow WindowOf(string source, long now)
    {
        if (!_sources.TryGetValue(source, out var window))
        {
            if (_sources.Count >= _options.MaxSources)
            {
                var oldest = _sources.MinBy(static kv => kv.Value.LastUsed).Key;
                _sources.Remove(oldest);
                _evicted++;
            }
            window = new SourceWindow(_options.Window);
            _sources.Add(source, window);
        }
        window.LastUsed = now;
        return window;
    }

    internal static List<string> Validate(SequenceOptions options)
    {
        var errors = new List<string>();
        if (options.Window is < 0 or > 1 << 20 || options.Window % 64 != 0)
        {
            errors.Add($"Sequences:Window must be 0 (off) or a multiple of 64 up to 1048576 (got {options.Window}).");
        }
        if (options.MaxSources is < 1 or > 1_000_000)
        {
            errors.Add($"Sequences:MaxSources must be between 1 and 1000000 (got {options.MaxSources}).");
        }
        if (string.IsNullOrWhiteSpace(options.GapMeasurement))
        {
            errors.Add("Sequences:GapMeasurement must name a measurement.");
        }
        return errors;
    }
}
