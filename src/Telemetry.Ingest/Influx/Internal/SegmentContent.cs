using System.Net;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>A request body streamed straight from the batches' own memory, without copying them together.</summary>
internal sealed class SegmentContent(ReadOnlyMemory<Segment> segments) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            await stream.WriteAsync(segments.Span[i].Bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        foreach (var segment in segments.Span)
        {
            length += segment.Bytes.Length;
        }
        return true;
    }
}
