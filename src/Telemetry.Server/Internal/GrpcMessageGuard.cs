using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Telemetry.Server.Internal;

/// <summary>
/// Reads an ingest call's request body ahead of gRPC and checks every message's 5-byte prefix: a length over
/// <see cref="IngestOptions.MaxMessageBytes"/> (up to 0xFFFFFFFF) ends the call with <c>RESOURCE_EXHAUSTED</c> naming
/// the limit before anything is buffered, and a compressed flag other than 0 or 1 ends it with <c>INTERNAL</c>. For unary <c>Write</c> it also parses the message (decompressing a gzip
/// or deflate one first), so that a malformed one gets <c>INVALID_ARGUMENT</c> naming the broken field instead of
/// gRPC's <c>UNKNOWN</c>; streams get theirs in the service, which sees the parse failure. That second parse costs
/// unary calls only, which are for simple clients; streams pay nothing but the prefix check.
/// </summary>
internal sealed class GrpcMessageGuard : PipeReader
{
    private const int HeaderBytes = 5;
    private readonly PipeReader _inner;
    private readonly int _maxMessageBytes;
    private readonly bool _parseMessages;
    private readonly string? _encoding;
    private ReadOnlySequence<byte> _last;
    private long _consumed;
    private long _nextHeader;

    private GrpcMessageGuard(PipeReader inner, int maxMessageBytes, bool parseMessages, string? encoding)
    {
        _inner = inner;
        _maxMessageBytes = maxMessageBytes;
        _parseMessages = parseMessages;
        _encoding = encoding;
    }

    /// <summary>Middleware installing the guard on ingest calls.</summary>
    public static RequestDelegate Middleware(RequestDelegate next, int maxMessageBytes) => context =>
    {
        if (IngestEndpoint.MethodOf(context) is { } method)
        {
            var guard = new GrpcMessageGuard(context.Request.BodyReader, maxMessageBytes,
                method == "Write", context.Request.Headers["grpc-encoding"].FirstOrDefault());
            context.Features.Set<IRequestBodyPipeFeature>(new Feature(guard));
        }
        return next(context);
    };

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await _inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        Inspect(result.Buffer);
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!_inner.TryRead(out result))
        {
            return false;
        }
        Inspect(result.Buffer);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _consumed += _last.Slice(0, consumed).Length;
        _inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    private void Inspect(ReadOnlySequence<byte> buffer)
    {
        _last = buffer;
        var end = _consumed + buffer.Length;
        Span<byte> header = stackalloc byte[HeaderBytes];
        while (_nextHeader + HeaderBytes <= end)
        {
            buffer.Slice(_nextHeader - _consumed, HeaderBytes).CopyTo(header);
            if (header[0] > 1)
            {
                // grpc-dotnet would fail this with UNKNOWN; the flag is a protocol error of the client's.
                throw new RpcException(new Status(StatusCode.Internal, string.Create(CultureInfo.InvariantCulture,
                    $"a message's compressed flag is {header[0]}; gRPC defines only 0 and 1; nothing of it was read")));
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
            if (length > (uint)_maxMessageBytes)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
                    $"a message of {length} bytes exceeds the maximum of {_maxMessageBytes} (Ingest:MaxMessageBytes); nothing of it was read")));
            }
            var messageEnd = _nextHeader + HeaderBytes + length;
            if (_parseMessages)
            {
                if (messageEnd > end)
                {
                    return; // checked when the whole message has arrived
                }
                var payload = buffer.Slice(_nextHeader - _consumed + HeaderBytes, length);
                var problem = header[0] == 0
                    ? FrameBatchInspector.FindProblem(payload)
                    : FrameBatchInspector.FindProblemCompressed(payload, _encoding, _maxMessageBytes);
                if (problem is not null)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument,
                        $"the message is not a valid telemetry.v1.FrameBatch: {problem}; nothing of it was written"));
                }
            }
            _nextHeader = messageEnd;
        }
    }

    private sealed class Feature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }
}
