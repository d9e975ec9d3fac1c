using Grpc.Core;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Spool;

namespace Telemetry.Server.Internal;

/// <summary>Maps pipeline and transport failures to gRPC statuses with a reason the client can act on.</summary>
internal static class StatusMapper
{
    public static RpcException ToRpcException(Exception error, ServerCallContext context, ulong? batchId)
    {
        if (error is RpcException rpc)
        {
            return rpc;
        }
        var which = batchId is { } id ? $"batch {id}" : "in-flight batches";
        if (error is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled by the client"));
        }
        if (error is SpoolFullException)
        {
            return new RpcException(new Status(StatusCode.ResourceExhausted, $"{which} not accepted: {error.Message}"));
        }
        if (error is SpoolFaultException)
        {
            return new RpcException(new Status(StatusCode.Unavailable, $"{which} not written: {error.Message}"));
        }
        if (error is SinkClosedException or OperationCanceledException)
        {
            return new RpcException(new Status(StatusCode.Unavailable,
                $"{which} not written: the server is shutting down or its sink stopped; resend them"));
        }
        return new RpcException(new Status(StatusCode.Internal,
            $"{which} not written: unexpected server error ({error.GetType().Name}); resend them"));
    }

    /// <summary>Statuses worth a (rate-limited) log line: not a client's own cancel, nor a shutdown.</summary>
    public static bool IsWorthLogging(StatusCode code) => code is not (StatusCode.Cancelled or StatusCode.Unavailable);
}
