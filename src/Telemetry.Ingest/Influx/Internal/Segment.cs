using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// A run of consecutive lines of one <see cref="LineBatch"/>: the whole batch, or part of it after a 413 split or
/// during the bisection of a partial write.
/// </summary>
/// <param name="Batch">The batch the lines belong to.</param>
/// <param name="FirstLine">Index within <paramref name="Batch"/> of the first line.</param>
/// <param name="LineCount">Number of lines.</param>
/// <param name="Bytes">The lines, each ending in '\n'.</param>
internal readonly record struct Segment(LineBatch Batch, int FirstLine, int LineCount, ReadOnlyMemory<byte> Bytes)
{
    public static Segment Whole(LineBatch batch) => new(batch, 0, batch.LineCount, batch.Lines);

    /// <summary>Splits after <paramref name="lines"/> lines (0 &lt; lines &lt; <see cref="LineCount"/>).</summary>
    public (Segment Head, Segment Tail) SplitAt(int lines)
    {
        var span = Bytes.Span;
        var offset = 0;
        for (var i = 0; i < lines; i++)
        {
            var newline = span[offset..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                ThrowHelper.ThrowLineCountMismatch(LineCount);
            }
            offset += newline + 1;
        }
        return (new Segment(Batch, FirstLine, lines, Bytes[..offset]),
                new Segment(Batch, FirstLine + lines, LineCount - lines, Bytes[offset..]));
    }

    /// <summary>Total lines of <paramref name="segments"/>.</summary>
    public static int CountLines(ReadOnlySpan<Segment> segments)
    {
        var lines = 0;
        foreach (var segment in segments)
        {
            lines += segment.LineCount;
        }
        return lines;
    }

    /// <summary>
    /// Splits <paramref name="segments"/> into two non-empty halves of about equal line counts: at a segment
    /// boundary while there are several segments, else inside the single segment. Needs at least two lines.
    /// </summary>
    public static (ReadOnlyMemory<Segment> Head, ReadOnlyMemory<Segment> Tail) Halve(ReadOnlyMemory<Segment> segments)
    {
        var span = segments.Span;
        if (span.Length == 1)
        {
            var (head, tail) = span[0].SplitAt(span[0].LineCount / 2);
            return (new[] { head }, new[] { tail });
        }
        var half = CountLines(span) / 2;
        var lines = span[0].LineCount;
        var cut = 1;
        while (cut < span.Length - 1 && lines < half)
        {
            lines += span[cut].LineCount;
            cut++;
        }
        return (segments[..cut], segments[cut..]);
    }
}
