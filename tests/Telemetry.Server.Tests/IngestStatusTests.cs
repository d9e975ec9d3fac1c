using System.Runtime.CompilerServices;
using System.Security.Authentication;
using Grpc.Core;
using Grpc.Net.Client;
using Telemetry.Client;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>The clients' one rule for what is worth sending again, and a real server's permanent refusal not retried.</summary>
[Collection(InfluxCollection.Name)]
public sealed class IngestStatusTests(InfluxFixture influx)
{
    [Theory]
    [InlineData(StatusCode.Unavailable, "server is shutting down", true)]
    [InlineData(StatusCode.ResourceExhausted, "batch 3 not accepted: the spool is full (10 of 10 bytes, Spool:MaxBytes)", true)]
    [InlineData(StatusCode.ResourceExhausted, "a message of 9000000 bytes exceeds the maximum of 4194304 (Ingest:MaxMessageBytes)", false)]
    [InlineData(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.", false)]
    [InlineData(StatusCode.Internal, "batch 1 not written: unexpected server error (IOException); resend them", true)]
    [InlineData(StatusCode.Internal, "the message could not be decompressed (gzip: bad header); nothing of it was written", false)]
    [InlineData(StatusCode.Internal, "a message's compressed flag is 7; gRPC defines only 0 and 1", false)]
    [InlineData(StatusCode.Unauthenticated, "no key", false)]
    [InlineData(StatusCode.PermissionDenied, "out of scope", false)]
    [InlineData(StatusCode.InvalidArgument, "not a FrameBatch", false)]
    public void IsTransient_ByStatusAndCause(StatusCode code, string detail, bool transient) =>
        Assert.Equal(transient, IngestStatus.IsTransient(new RpcException(new Status(code, detail))));

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.Internal)]
    public void IsTransient_UntrustedCertificate_Permanent(StatusCode code)
    {
        var error = new RpcException(new Status(code, "Error starting gRPC call.",
            new HttpRequestException("The SSL connection could not be established, see inner exception.", new AuthenticationException("RemoteCertificateChainErrors"))));

        Assert.False(IngestStatus.IsTransient(error));
        Assert.Contains("--tls-ca", IngestStatus.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void IsTransient_RateLimitedWithPushback_Transient()
    {
        var trailers = new Metadata { { "grpc-retry-pushback-ms", "1000" } };
        Assert.True(IngestStatus.IsTransient(new RpcException(new Status(StatusCode.ResourceExhausted, "client 'a' started more than 1 calls/s"), trailers)));
    }

    [Fact]
    public async Task SendAsync_MessageOverTheServersLimit_GivesUpAtOnceWithTheReason()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("permanent"),
            new Dictionary<string, string?> { ["Ingest:MaxMessageBytes"] = "65536" });
        var stream = new ResendingStream<FrameBatch>(server.Channel.CreateCallInvoker(), IngestMethods.Stream,
            new IngestStreamOptions { ReconnectFor = TimeSpan.FromSeconds(60) });

        var result = await stream.SendAsync(Batches(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.Reconnects);
        Assert.Contains("Ingest:MaxMessageBytes", result.Failure, StringComparison.Ordinal);
        Assert.Contains("not retried", result.Failure, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<OutgoingBatch<FrameBatch>> Batches([EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        var large = Frames.Batch(1, "permanent", 1, 2000);
        yield return new OutgoingBatch<FrameBatch>(large.BatchId, large.Frames.Count, large);
    }
}
