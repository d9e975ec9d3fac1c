using Grpc.Core;
using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Wire;
using Telemetry.Server.Internal;
using Telemetry.Server.Observability;
using Telemetry.Server.Security.Internal;

namespace Telemetry.Server.Services;

/// <summary>
/// The gRPC boundary of the ingest pipeline: the only place where pipeline outcomes become gRPC statuses. Every
/// batch is checked against the caller's scope before anything of it is encoded: a frame out of scope refuses the
/// whole batch with <c>PERMISSION_DENIED</c> (see docs/security.md).
/// </summary>
internal sealed class IngestGrpcService : IngestWireMethods.ServiceBase
{
    private readonly BatchProcessor _processor;
    private readonly ServerMetrics _metrics;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IngestOptions _options;
    private readonly ClientRegistry _clients;
    private readonly CallLog _calls;
    private readonly ILogger<IngestGrpcService> _logger;

    public IngestGrpcService(
        BatchProcessor processor, IHostApplicationLifetime lifetime, IOptions<IngestOptions> options,
        ClientRegistry clients, CallLog calls, ServerMetrics metrics, ILogger<IngestGrpcService> logger)
    {
        _metrics = metrics;
        _processor = processor;
        _lifetime = lifetime;
        _options = options.Value;
        _clients = clients;
        _calls = calls;
        _logger = logger;
    }

    /// <summary>Writes one batch; the batch's pooled bytes are returned when its ack is.</summary>
    public async Task<BatchAck> Write(WireBatch request, ServerCallContext context)
    {
        using var owned = request;
        try
        {
            var scope = ScopeOf(context);
            if (scope.FindViolation(request) is { } violation)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"batch {request.BatchId} not written: {violation}"));
            }
            var started = _metrics.Timestamp();
            var pending = await _processor.SubmitAsync(request, scope.Client, context.CancellationToken).ConfigureAwait(false);
            _metrics.BatchReceived(request);
            return AckLimiter.Fit(await _metrics.ObserveAsync(request, pending, started).ConfigureAwait(false), _options.MaxRejectionsPerAck);
        }
        catch (Exception e)
        {
            throw Refuse(e, context, request.BatchId);
        }
    }

    /// <summary>Reads batches and writes acks; each batch's pooled bytes are returned once its ack is sent or abandoned.</summary>
    public async Task Stream(
        IAsyncStreamReader<WireBatch> requestStream, IServerStreamWriter<BatchAck> responseStream,
        ServerCallContext context)
    {
        using var session = new StreamSession(
            responseStream, _options.MaxBatchesInFlightPerStream, _options.MaxRejectionsPerAck, _options.MaxAckBytesPerStream,
            context.CancellationToken);
        var stoppedForShutdown = false;
        RpcException? refused = null;
        long batches = 0;
        long frames = 0;
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(
            context.CancellationToken, _lifetime.ApplicationStopping, session.Failed);
        try
        {
            var scope = ScopeOf(context);
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
                    if (scope.FindViolation(batch) is { } violation)
                    {
                        // Stop reading; the batches before this one are still acknowledged below.
                        batch.Dispose();
                        session.ReleaseRoom();
                        refused = new RpcException(new Status(StatusCode.PermissionDenied,
                            $"batch {batch.BatchId} not written and the stream closed: {violation}"));
                        break;
                    }
                    batches++;
                    frames += batch.Count;
                    var started = _metrics.Timestamp();
                    Task<BatchAck> submitted;
                    try
                    {
                        submitted = await _processor.SubmitAsync(batch, scope.Client, reading.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        batch.Dispose();
                        throw;
                    }
                    _metrics.BatchReceived(batch);
                    pending = DisposeAfterAsync(_metrics.ObserveAsync(batch, submitted, started), batch);
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
        catch (OperationCanceledException) when (session.HasFailed && !context.CancellationToken.IsCancellationRequested)
        {
            // A batch failed while the client sent nothing more (it waits for acks): end now with that batch's status.
        }
        catch (Exception e) when (IsMessageFault(e) && !context.CancellationToken.IsCancellationRequested)
        {
            // A message that cannot be read: acknowledge the batches before it, then end with its status.
            refused = e as RpcException ?? new RpcException(new Status(StatusCode.InvalidArgument,
                $"message {batches + 1} of the stream is not a valid telemetry.v1.FrameBatch: {e.Message.TrimEnd('.')}; it and the rest of the stream were not read"));
        }
        catch (Exception e)
        {
            // The call is failing (the client left, or the transport broke): stop its ack writer too.
            await session.AbandonAsync().ConfigureAwait(false);
            throw Refuse(e, context, batchId: null);
        }

        var failure = await session.CompleteAsync(context.CancellationToken).ConfigureAwait(false);
        _calls.StreamEnded(_logger, context.Peer, batches, frames);
        if (failure is not null)
        {
            if (!context.CancellationToken.IsCancellationRequested)
            {
                Log.StreamSinkFailed(_logger, context.Peer, failure);
            }
            throw StatusMapper.ToRpcException(failure, context, batchId: null);
        }
        if (refused is not null)
        {
            throw Refuse(refused, context, batchId: null);
        }
        if (stoppedForShutdown)
        {
            Log.StreamClosedForShutdown(_logger, context.Peer);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "server is shutting down: every acknowledged batch is written; resend unacknowledged batches to another instance or after restart"));
        }
    }

    /// <summary>The ack of <paramref name="batch"/>, whose pooled bytes are returned once nothing reads them.</summary>
    private static async Task<BatchAck> DisposeAfterAsync(Task<BatchAck> ack, WireBatch batch)
    {
        try
        {
            return await ack.ConfigureAwait(false);
        }
        finally
        {
            batch.Dispose();
        }
    }

    /// <summary>What the client sent could not be read as a message: oversized, corrupt, or not a FrameBatch.</summary>
    private static bool IsMessageFault(Exception e) => e is Google.Protobuf.InvalidProtocolBufferException
        || e is RpcException { StatusCode: StatusCode.ResourceExhausted or StatusCode.InvalidArgument or StatusCode.Internal };

    private ClientScope ScopeOf(ServerCallContext context) =>
        _clients.ScopeOf(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.PermissionDenied, "the caller has no write scope"));

    /// <summary>The status a failed call ends with, logged once per call (rate-limited, never a stack trace).</summary>
    private RpcException Refuse(Exception error, ServerCallContext context, ulong? batchId)
    {
        var status = StatusMapper.ToRpcException(error, context, batchId);
        if (StatusMapper.IsWorthLogging(status.StatusCode))
        {
            _calls.Refused(_logger, context.GetHttpContext(), status.StatusCode, status.Status.Detail);
        }
        return status;
    }
}
