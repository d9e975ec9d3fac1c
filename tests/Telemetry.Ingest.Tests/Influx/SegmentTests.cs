using System.Text;
using Telemetry.Ingest.Influx.Internal;

namespace Telemetry.Ingest.Tests.Influx;

public sealed class SegmentTests
{
    [Fact]
    public void SplitAt_TwoOfFiveLines_SplitsBytesAndLineIndexes()
    {
        var batch = TestLines.Batch("a v=1", "b v=2", "c v=3", "d v=4", "e v=5");

        var (head, tail) = Segment.Whole(batch).SplitAt(2);

        Assert.Equal((0, 2, "a v=1\nb v=2\n"), (head.FirstLine, head.LineCount, Encoding.UTF8.GetString(head.Bytes.Span)));
        Assert.Equal((2, 3, "c v=3\nd v=4\ne v=5\n"), (tail.FirstLine, tail.LineCount, Encoding.UTF8.GetString(tail.Bytes.Span)));
    }

    [Fact]
    public void Halve_SeveralSegments_CutsAtTheSegmentNearestHalfTheLines()
    {
        Segment[] segments = [.. new[] { 2, 1, 5, 4 }.Select(n => Segment.Whole(TestLines.Batch(TestLines.Points("m", 0, n))))];

        var (head, tail) = Segment.Halve(segments);

        Assert.Equal([2, 1, 5], head.ToArray().Select(s => s.LineCount));
        Assert.Equal([4], tail.ToArray().Select(s => s.LineCount));
    }

    [Fact]
    public void Halve_OneSegment_SplitsItsLines()
    {
        var (head, tail) = Segment.Halve(new[] { Segment.Whole(TestLines.Batch(TestLines.Points("m", 0, 5))) });

        Assert.Equal((0, 2), (head.Span[0].FirstLine, head.Span[0].LineCount));
        Assert.Equal((2, 3), (tail.Span[0].FirstLine, tail.Span[0].LineCount));
    }
}
