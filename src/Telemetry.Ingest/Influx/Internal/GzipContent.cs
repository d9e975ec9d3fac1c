using System.IO.Compression;
using System.Net;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// A gzip request body, compressed up front into a pooled buffer so that its length is known; the buffer returns
/// to the pool on dispose.
/// </summary>
internal sealed class GzipContent : HttpContent
{
    private readonly PooledBufferStream _compressed = new();

    public GzipContent(ReadOnlySpan<Segment> segments)
    {
        using (var gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var segment in segments)
            {
                gzip.Write(segment.Bytes.Span);
            }
        }
        Headers.ContentEncoding.Add("gzip");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_compressed.Written, cancellationToken).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _compressed.Written.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _compressed.Dispose();
        }
        base.Dispose(disposing);
    }
}
