using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Wire;

namespace Telemetry.Server.Services;

/// <summary>
/// The ingest service as the server binds it: the methods of <c>telemetry.v1.IngestService</c>, with requests read
/// as <see cref="WireBatch"/> (bytes and an index, no message objects) instead of the generated code's
/// <see cref="FrameBatch"/>. Reflection still lists the service: it finds <see cref="Descriptor"/> beside
/// <see cref="ServiceBase"/>, as it does for generated services.
/// </summary>
internal static class IngestWireMethods
{
    internal const string ServiceName = "telemetry.v1.IngestService";

    /// <summary>The service's descriptor, for gRPC reflection.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => IngestService.Descriptor;

    private static readonly Marshaller<WireBatch> Requests = Marshallers.Create(
        static (_, _) => throw new NotSupportedException("the server only reads frame batches"),
        static context => WireBatch.Parse(context.PayloadAsReadOnlySequence()));

    private static readonly Marshaller<BatchAck> Acks = Marshallers.Create(
        static (ack, context) =>
        {
            context.SetPayloadLength(ack.CalculateSize());
            ack.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        static context => BatchAck.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    public static readonly Method<WireBatch, BatchAck> Stream =
        new(MethodType.DuplexStreaming, ServiceName, "Stream", Requests, Acks);

    public static readonly Method<WireBatch, BatchAck> Write =
        new(MethodType.Unary, ServiceName, "Write", Requests, Acks);

    /// <summary>What <see cref="IngestGrpcService"/> derives from: marks it for reflection.</summary>
    public abstract class ServiceBase
    {
    }

    /// <summary>Binds <see cref="IngestGrpcService"/>'s two methods with the wire marshaller.</summary>
    public sealed class Provider : IServiceMethodProvider<IngestGrpcService>
    {
        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<IngestGrpcService> context)
        {
            context.AddDuplexStreamingMethod(Stream, [], static (service, requests, responses, call) => service.Stream(requests, responses, call));
            context.AddUnaryMethod(Write, [], static (service, request, call) => service.Write(request, call));
        }
    }
}
