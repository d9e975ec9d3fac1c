using System.Threading.Channels;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Tests.Streaming;

/// <summary>
/// Stands in for the ingest server's <c>Stream</c> call: records every batch written and answers each with the ack
/// <see cref="Answer"/> returns (null: no ack). Ends the ack stream when the client completes its side.
/// </summary>
internal sealed class FakeIngestInvoker : CallInvoker
{
    public List<FrameBatch> Batches { get; } = [];

    public Func<FrameBatch, BatchAck?> Answer { get; init; } =
        batch => new BatchAck { BatchId = batch.BatchId, Accepted = true, WrittenCount = (uint)batch.Frames.Count };

    /// <summary>When set, the call fails with this status on the first write.</summary>
    public Status? FailWith { get; init; }

    /// <summary>
    /// Called before each write with the call's number (from 1) and the batch: true breaks that call with UNAVAILABLE
    /// (the batch is lost, as when the server is killed before reading it).
    /// </summary>
    public Func<int, FrameBatch, bool> BreakCall { get; init; } = (_, _) => false;

    /// <summary>Number of calls started.</summary>
    public int Calls { get; private set; }

    /// <summary>The request headers of each call, in order.</summary>
    public List<Metadata?> Headers { get; } = [];

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Calls++;
        Headers.Add(options.Headers);
        var acks = Channel.CreateUnbounded<BatchAck>();
        var writer = new RequestWriter(this, Calls, acks.Writer);
        var reader = new AckReader(acks.Reader);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            (IClientStreamWriter<TRequest>)(object)writer,
            (IAsyncStreamReader<TResponse>)(object)reader,
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => [],
            () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    private sealed class RequestWriter(FakeIngestInvoker owner, int call, ChannelWriter<BatchAck> acks) : IClientStreamWriter<FrameBatch>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(FrameBatch message)
        {
            var status = owner.FailWith ?? (owner.BreakCall(call, message) ? new Status(StatusCode.Unavailable, "server killed") : (Status?)null);
            if (status is { } failure)
            {
                var error = new RpcException(failure);
                acks.TryComplete(error);
                throw error;
            }

            owner.Batches.Add(message);
            if (owner.Answer(message) is { } ack)
            {
                acks.TryWrite(ack);
            }

            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            acks.TryComplete();
            return Task.CompletedTask;
        }
    }

    private sealed class AckReader(ChannelReader<BatchAck> acks) : IAsyncStreamReader<BatchAck>
    {
        public BatchAck Current { get; private set; } = null!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await acks.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            Current = await acks.ReadAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
