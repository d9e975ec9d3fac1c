using Google.Protobuf;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Client;

/// <summary>The <c>telemetry.v1.IngestService/Stream</c> method, for <see cref="ResendingStream{TBatch}"/>.</summary>
public static class IngestMethods
{
    private static readonly Marshaller<BatchAck> AckMarshaller = Marshallers.Create(static (BatchAck ack) => ack.ToByteArray(), BatchAck.Parser.ParseFrom);

    /// <summary>The stream with <see cref="FrameBatch"/> messages.</summary>
    public static readonly Method<FrameBatch, BatchAck> Stream = new(
        MethodType.DuplexStreaming,
        IngestService.Descriptor.FullName,
        "Stream",
        Marshallers.Create(static (FrameBatch batch) => batch.ToByteArray(), FrameBatch.Parser.ParseFrom),
        AckMarshaller);

    /// <summary>
    /// The stream with batches sent as already-serialized <see cref="FrameBatch"/> bytes, so that a client can encode
    /// them before its clock starts and spend its CPU only on the wire.
    /// </summary>
    public static readonly Method<byte[], BatchAck> RawStream = new(
        MethodType.DuplexStreaming,
        IngestService.Descriptor.FullName,
        "Stream",
        Marshallers.Create(static bytes => bytes, static bytes => bytes),
        AckMarshaller);
}
