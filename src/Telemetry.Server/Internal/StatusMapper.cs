using Grpc.Core;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Spool;

namespace Telemetry.Server.Internal;

/// <summary>Maps pipeline failures to gRPC statuses with a reason the client can act on.</summary>
internal static class StatusMapper
{
    public static RpcException ToRpcException(Exception error, ServerCallContext context, ulong? batchId)
    {
        var which = batchId is { } id ? $"batch {id}" : "in-flight batches";
        if (error is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled by the client"));
        }
        if (error is SpoolFullException)
        {
            return new RpcException(new Status(StatusCode.ResourceExhausted, $"{which} not accepted: {error.Message}"));
        }
        if (error is SinkClosedException or OperationCanceledException)
        {
            return new RpcException(new Status(StatusCode.Unavailable,
                $"{which} not written: the server is shutting down or its sink stopped; resend them"));
        }
        return new RpcException(new Status(StatusCode.Internal,
            $"{which} not written: unexpected server error ({error.GetType().Name}); resend them"));
    }
}
