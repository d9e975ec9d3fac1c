namespace Telemetry.Ingest.Sequences.Internal;

/// <summary>
/// One (client, source) pair's sequence state: the highest position seen (for gaps and resets) and the fingerprints
/// of its most recently kept frames, in a ring indexed by sequence number that grows from 16 slots to the window as
/// the source's frames need it. A node of <see cref="SourceTable"/>'s least-recently-used list.
/// </summary>
internal sealed class SourceWindow((string Client, string Source) key, CounterRing ring)
{
    private const int InitialSlots = 16;

    private WindowSlot[]? _slots;

    public (string Client, string Source) Key { get; } = key;

    public CounterRing Ring { get; } = ring;

    /// <summary>Highest position seen (0 before the first tracked frame).</summary>
    public ulong Highest { get; set; }

    /// <summary>Newest timestamp seen (ns).</summary>
    public long NewestNs { get; set; } = long.MinValue;

    public SourceWindow? Newer { get; set; }

    public SourceWindow? Older { get; set; }

    /// <summary>Bytes this window holds in its ring.</summary>
    public long Bytes => (_slots?.Length ?? 0) * (long)WindowSlot.Size;

    /// <summary>
    /// Places a new (not duplicate) frame at <paramref name="position"/> (not 0) with timestamp
    /// <paramref name="timestampNs"/> against the highest position seen, and moves the highest position on.
    /// </summary>
    /// <returns>
    /// What the frame shows: in order, a gap (<paramref name="previous"/> is the highest position before it), late,
    /// or a reset (the sender restarted: far ahead by more than <paramref name="maxGap"/>, or behind with a timestamp
    /// newer than every frame seen).
    /// </returns>
    public Observation Observe(ulong position, long timestampNs, ulong maxGap, out ulong previous)
    {
        previous = Highest;
        var newest = NewestNs;
        NewestNs = Math.Max(newest, timestampNs);
        if (previous == 0)
        {
            Highest = position;
            return Observation.InOrder;
        }
        var ahead = Ring.Forward(previous, position);
        if (ahead == 0)
        {
            return Observation.InOrder;
        }
        if (ahead <= Ring.Size - ahead)
        {
            Highest = position;
            return ahead - 1 > maxGap ? Observation.Reset : ahead > 1 ? Observation.Gap : Observation.InOrder;
        }
        if (timestampNs > newest)
        {
            Highest = position;
            return Observation.Reset;
        }
        return Observation.Late;
    }

    /// <summary>Whether the frame <paramref name="sequence"/> with <paramref name="fingerprint"/> was kept.</summary>
    public bool Remembers(ulong sequence, ulong fingerprint)
    {
        if (_slots is null)
        {
            return false;
        }
        ref readonly var slot = ref _slots[(int)(sequence & (ulong)(_slots.Length - 1))];
        return slot.Sequence == sequence && slot.Fingerprint == fingerprint;
    }

    /// <summary>Remembers a kept frame, growing the ring (up to <paramref name="maxSlots"/>) before overwriting another sequence.</summary>
    public void Remember(ulong sequence, ulong fingerprint, int maxSlots)
    {
        _slots ??= new WindowSlot[Math.Min(InitialSlots, maxSlots)];
        var index = (int)(sequence & (ulong)(_slots.Length - 1));
        while (_slots[index].Sequence != 0 && _slots[index].Sequence != sequence && _slots.Length < maxSlots)
        {
            Grow();
            index = (int)(sequence & (ulong)(_slots.Length - 1));
        }
        _slots[index] = new WindowSlot(sequence, fingerprint);
    }

    private void Grow()
    {
        var larger = new WindowSlot[_slots!.Length * 2];
        var mask = (ulong)(larger.Length - 1);
        foreach (var slot in _slots)
        {
            // Slots that differed modulo the old size differ modulo the new one: no two land together.
            if (slot.Sequence != 0)
            {
                larger[(int)(slot.Sequence & mask)] = slot;
            }
        }
        _slots = larger;
    }

    /// <summary>The ring's slots (empty before the first kept frame), for a snapshot.</summary>
    public ReadOnlySpan<WindowSlot> Slots => _slots;

    /// <summary>Restores the ring from a snapshot: <paramref name="slots"/> is a power of two long, at most the window.</summary>
    public void Restore(WindowSlot[] slots) => _slots = slots.Length == 0 ? null : slots;
}

/// <summary>One remembered frame: its sequence number (0: empty) and fingerprint.</summary>
internal readonly record struct WindowSlot(ulong Sequence, ulong Fingerprint)
{
    public const int Size = 16;
}

/// <summary>What one new frame shows about its source's sequence.</summary>
internal enum Observation
{
    InOrder,
    Gap,
    Late,
    Reset,
}
