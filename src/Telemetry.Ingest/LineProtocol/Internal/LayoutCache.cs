namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// The last few <see cref="LineLayout"/>s each thread encoded, so that a stream of frames from the same few series
/// is checked and escaped once per series rather than once per frame. Per thread, so lock-free; at most
/// <see cref="Ways"/> layouts (about 9 KB) per thread that encodes. A frame matches only when its layout bytes are
/// equal, so a hit can never change what a frame encodes to or why it is rejected.
/// </summary>
internal static class LayoutCache
{
    /// <summary>Layouts remembered per thread, replaced in turn.</summary>
    public const int Ways = 4;

    [ThreadStatic]
    private static LineLayout?[]? t_layouts;

    [ThreadStatic]
    private static int t_next;

    /// <summary>The remembered layout <paramref name="frame"/> matches, if any.</summary>
    public static LineLayout? Find(in FrameView frame)
    {
        LineLayout?[]? layouts = t_layouts;
        if (layouts is null || !LineLayout.Fits(frame))
        {
            return null;
        }

        foreach (LineLayout? layout in layouts)
        {
            if (layout is not null && layout.Matches(frame))
            {
                return layout;
            }
        }

        return null;
    }

    /// <summary>
    /// Remembers an accepted frame's layout in place of the oldest (see <see cref="LineLayout.Store"/>); a layout
    /// too large for the buffers is not kept and evicts nothing.
    /// </summary>
    public static void Remember(in FrameView frame, ReadOnlySpan<byte> line, int seriesKeyBytes, ReadOnlySpan<Range> fieldKeyRanges)
    {
        if (!LineLayout.CanStore(frame))
        {
            return;
        }

        LineLayout?[] layouts = t_layouts ??= new LineLayout?[Ways];
        int next = t_next;
        t_next = (next + 1) % Ways;
        (layouts[next] ??= new LineLayout()).Store(frame, line, seriesKeyBytes, fieldKeyRanges);
    }

    /// <summary>Forgets this thread's layouts (tests compare encoding with and without them).</summary>
    public static void Clear()
    {
        t_layouts = null;
        t_next = 0;
    }
}
