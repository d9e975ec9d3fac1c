using Grpc.Core;
using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Pipeline;
using Telemetry.Server.Internal;

namespace Telemetry.Server.Services;

/// <summary>
/// The gRPC boundary of the ingest pipeline: the only place where pipeline outcomes become gRPC statuses.
/// </summary>
internal sealed class IngestGrpcService : IngestService.IngestServiceBase
{
    private readonly BatchProcessor _processor;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IngestOptions _options;
    private readonly ILogger<IngestGrpcService> _logger;

    public IngestGrpcService(
        BatchProcessor processor, IHostApplicationLifetime lifetime, IOptions<IngestOptions> options,
        ILogger<IngestGrpcService> logger)
    {
        _processor = processor;
        _lifetime = lifetime;
        _options = options.Value;
        _logger = logger;
    }

    public override async Task<BatchAck> Write(FrameBatch request, ServerCallContext context)
    {
        try
        {
            var pending = await _processor.SubmitAsync(request, context.CancellationToken).ConfigureAwait(false);
            return await pending.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw StatusMapper.ToRpcException(e, context, request.BatchId);
        }
    }

    public override async Task Stream(
        IAsyncStreamReader<FrameBatch> requestStream, IServerStreamWriter<BatchAck> responseStream,
        ServerCallContext context)
    {
        var session = new StreamSession(responseStream, _options.MaxBatchesInFlightPerStream);
        var stoppedForShutdown = false;
        long batches = 0;
        long frames = 0;
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(
            context.CancellationToken, _lifetime.ApplicationStopping);
        try
        {
            while (await session.WaitForRoomAsync(reading.Token).ConfigureAwait(false))
            {
                Task<BatchAck> pending;
                try
                {
                    if (!await requestStream.MoveNext(reading.Token).ConfigureAwait(false))
                    {
                        session.ReleaseRoom();
                        break;
                    }
                    var batch = requestStream.Current;
                    batches++;
                    frames += batch.Frames.Count;
                    pending = await _processor.SubmitAsync(batch, reading.Token).ConfigureAwait(false);
                }
                catch
                {
                    session.ReleaseRoom();
                    throw;
                }
                session.Track(pending);
            }
        }
        catch (OperationCanceledException) when (_lifetime.ApplicationStopping.IsCancellationRequested
            && !context.CancellationToken.IsCancellationRequested)
        {
            stoppedForShutdown = true;
        }
        catch (Exception e)
        {
            // The call is failing (the client left, or sent something gRPC refused): stop its ack writer too.
            await session.AbandonAsync().ConfigureAwait(false);
            if (e is RpcException)
            {
                throw;
            }
            throw StatusMapper.ToRpcException(e, context, batchId: null);
        }

        var failure = await session.CompleteAsync().ConfigureAwait(false);
        Log.StreamEnded(_logger, context.Peer, batches, frames);
        if (failure is not null)
        {
            Log.StreamSinkFailed(_logger, context.Peer, failure);
            throw StatusMapper.ToRpcException(failure, context, batchId: null);
        }
        if (stoppedForShutdown)
        {
            Log.StreamClosedForShutdown(_logger, context.Peer);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "server is shutting down: every acknowledged batch is written; resend unacknowledged batches to another instance or after restart"));
        }
    }
}
