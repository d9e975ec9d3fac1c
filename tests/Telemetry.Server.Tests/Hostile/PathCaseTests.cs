using Grpc.Core;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>
/// Routing matches a gRPC path case-insensitively, so the ingest methods under an upper-case path must meet the
/// same message guard and the same per-client call limits as under their own.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class PathCaseTests(InfluxFixture influx)
{
    [Theory]
    [InlineData("/telemetry.v1.IngestService/Write")]
    [InlineData("/TELEMETRY.V1.INGESTSERVICE/WRITE")]
    [InlineData("/Telemetry.V1.IngestService/Stream")]
    public async Task Call_OversizedMessageUnderAnyCase_RefusedByTheGuardNamingTheLimit(string path)
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("case"),
            new Dictionary<string, string?> { ["Ingest:MaxMessageBytes"] = "65536" });

        var result = await RawGrpc.CallAsync(server.Address, path, RawGrpc.Frame([1, 2, 3], length: 1 << 20));

        Assert.Equal((int)StatusCode.ResourceExhausted, result.Grpc);
        Assert.Contains("Ingest:MaxMessageBytes", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UpperCasePath_CountsAgainstTheClientsOpenCalls()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("caseopen"),
            new Dictionary<string, string?> { ["Limits:ConcurrentCallsPerClient"] = "1" });
        using var open = server.Client.Stream();
        await open.RequestStream.WriteAsync(Frames.Batch(1, "case/open", 1, 1));
        Assert.True(await open.ResponseStream.MoveNext(CancellationToken.None));   // the stream is open and holds the one permit

        var refused = await RawGrpc.CallAsync(server.Address, "/TELEMETRY.V1.INGESTSERVICE/WRITE", RawGrpc.Frame(Frames.Batch(2, "case/open", 2, 1)));

        Assert.Equal((int)StatusCode.ResourceExhausted, refused.Grpc);
        Assert.Contains("Limits:ConcurrentCallsPerClient", refused.Message, StringComparison.Ordinal);
        await open.RequestStream.CompleteAsync();
    }
}
