using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Ceiling;

/// <summary>
/// The ceiling's handler: every batch is parsed by the generated protobuf parser (gRPC's marshaller) and acked at
/// once as written whole, with no durability. Nothing else: no validation, encoding, sink, auth or limits.
/// </summary>
internal sealed class CeilingService : IngestService.IngestServiceBase
{
    public override async Task Stream(IAsyncStreamReader<FrameBatch> requestStream, IServerStreamWriter<BatchAck> responseStream, ServerCallContext context)
    {
        await foreach (var batch in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(Ack(batch), context.CancellationToken);
        }
    }

    public override Task<BatchAck> Write(FrameBatch request, ServerCallContext context) => Task.FromResult(Ack(request));

    private static BatchAck Ack(FrameBatch batch) => new()
    {
        BatchId = batch.BatchId,
        Accepted = true,
        WrittenCount = (uint)batch.Frames.Count,
        Durability = AckDurability.None,
    };
}
