namespace Telemetry.Ingest.Sequences.Internal;

/// <summary>One source's recent sequence numbers as a ring of bits covering (Highest - window, Highest].</summary>
internal sealed class SourceWindow(int window)
{
    private readonly ulong[] _bits = new ulong[window / 64];

    public ulong Highest { get; private set; }

    public bool Any { get; private set; }

    public long LastUsed { get; set; }

    /// <summary>Marks <paramref name="sequence"/> seen; false when it already was (a duplicate).</summary>
    /// <param name="sequence">The frame's sequence number.</param>
    /// <param name="gapFirst">Set to the first skipped sequence when this one jumps ahead of Highest + 1.</param>
    /// <param name="late">True when the sequence is below Highest (late or out of order) and not a duplicate.</param>
    public bool TryMark(ulong sequence, out ulong? gapFirst, out bool late)
    {
        gapFirst = null;
        late = false;
        if (!Any || sequence > Highest)
        {
            if (Any && sequence > Highest + 1)
            {
                gapFirst = Highest + 1;
            }
            ClearAbove(sequence);
            Highest = sequence;
            Any = true;
            Set(sequence);
            return true;
        }
        if (Highest - sequence >= (ulong)window)
        {
            // Older than the window remembers: it cannot be told from a duplicate, so it is kept (InfluxDB
            // overwrites an identical point, so a real duplicate still stores once).
            late = true;
            return true;
        }
        if (IsSet(sequence))
        {
            return false;
        }
        Set(sequence);
        late = true;
        return true;
    }

    /// <summary>Forgets <paramref name="sequence"/> (its batch was not kept, so a resend is not a duplicate).</summary>
    public void Unmark(ulong sequence)
    {
        if (Any && sequence <= Highest && Highest - sequence < (ulong)window)
        {
            _bits[Index(sequence)] &= ~Bit(sequence);
        }
    }

    private void ClearAbove(ulong sequence)
    {
        if (!Any || sequence - Highest >= (ulong)window)
        {
            Array.Clear(_bits);
            return;
        }
        for (var s = Highest + 1; s <= sequence; s++)
        {
            _bits[Index(s)] &= ~Bit(s);
        }
    }

    private bool IsSet(ulong sequence) => (_bits[Index(sequence)] & Bit(sequence)) != 0;

    private void Set(ulong sequence) => _bits[Index(sequence)] |= Bit(sequence);

    private int Index(ulong sequence) => (int)(sequence % (ulong)window / 64);

    private static ulong Bit(ulong sequence) => 1UL << (int)(sequence % 64);
}
