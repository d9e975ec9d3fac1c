using Google.Protobuf;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>
/// <c>telemetry.v1.IngestService/Stream</c> with batches sent as already-serialized bytes, so the client can encode
/// them before the clock starts (as the direct-to-InfluxDB baseline does) and spend its CPU only on the wire.
/// </summary>
internal static class RawIngestMethod
{
    public static readonly Method<byte[], BatchAck> Stream = new(
        MethodType.DuplexStreaming,
        IngestService.Descriptor.FullName,
        "Stream",
        Marshallers.Create(static bytes => bytes, static bytes => bytes),
        Marshallers.Create(static (BatchAck ack) => ack.ToByteArray(), BatchAck.Parser.ParseFrom));
}
