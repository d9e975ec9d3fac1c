namespace Telemetry.Ingest.Sequences.Internal;

/// <summary>
/// The positions a counter of some width takes, 1 to 2^bits - 1 (0 means "no sequence" and is skipped), and the
/// distances between them. Every operation is O(1) and cannot overflow: a wrap is one step, never a loop.
/// </summary>
internal readonly struct CounterRing
{
    private readonly ulong _mask;

    /// <summary>A ring for <paramref name="bits"/>-bit counters (2 to 64).</summary>
    public CounterRing(int bits)
    {
        _mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
    }

    /// <summary>The counter's width in bits.</summary>
    public int Bits => System.Numerics.BitOperations.PopCount(_mask);

    /// <summary>Positions on the ring: 2^bits - 1.</summary>
    public ulong Size => _mask;

    /// <summary>The position of <paramref name="sequence"/>; 0 when it is untracked (its count is 0).</summary>
    public ulong PositionOf(ulong sequence) => sequence & _mask;

    /// <summary>Steps forward from position <paramref name="from"/> to <paramref name="to"/>, 0 to Size - 1.</summary>
    public ulong Forward(ulong from, ulong to) => to >= from ? to - from : _mask - (from - to);

    /// <summary>The position after <paramref name="position"/>.</summary>
    public ulong Next(ulong position) => position == _mask ? 1 : position + 1;

    /// <summary>The position before <paramref name="position"/>.</summary>
    public ulong Previous(ulong position) => position == 1 ? _mask : position - 1;
}
