using Grpc.AspNetCore.Server;
using Telemetry.Server.Services;

namespace Telemetry.Server.Internal;

/// <summary>
/// Which ingest method a request was routed to, read from the endpoint routing chose (its gRPC method metadata),
/// never from the path text: routing matches paths case-insensitively, so a comparison of the text would let
/// <c>/TELEMETRY.V1.INGESTSERVICE/Write</c> past every check that the same call in lower case meets.
/// </summary>
internal static class IngestEndpoint
{
    /// <summary>The ingest method the request was routed to, or null for any other endpoint (or none).</summary>
    public static string? MethodOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { Method.ServiceName: IngestWireMethods.ServiceName } grpc
            ? grpc.Method.Name
            : null;
}
