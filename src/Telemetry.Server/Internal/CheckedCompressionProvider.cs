using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Telemetry.Server.Internal;

/// <summary>
/// Wraps a gRPC compression provider so that a corrupt compressed message ends the call with <c>INTERNAL</c> and a
/// reason (the status the gRPC spec gives a decompression failure) instead of an unhandled exception.
/// </summary>
internal sealed class CheckedCompressionProvider : ICompressionProvider
{
    private readonly ICompressionProvider _inner;

    public CheckedCompressionProvider(ICompressionProvider inner)
    {
        _inner = inner;
    }

    public string EncodingName => _inner.EncodingName;

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        _inner.CreateCompressionStream(stream, compressionLevel);

    public Stream CreateDecompressionStream(Stream stream) =>
        new CheckedReadStream(_inner.CreateDecompressionStream(stream), EncodingName);

    private sealed class CheckedReadStream(Stream inner, string encoding) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        private RpcException Corrupt(InvalidDataException e) => new(new Status(StatusCode.Internal,
            $"the message could not be decompressed ({encoding}: {e.Message}); nothing of it was written"));
    }
}
