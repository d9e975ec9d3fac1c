using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Ingest.Influx;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class ShutdownTests(InfluxFixture influx)
{
    private static readonly Dictionary<string, string?> HoldEverything = new()
    {
        // Acks wait on InfluxDB, and nothing is flushed by size or age during the test: only the graceful shutdown writes it.
        ["Ingest:AckAfter"] = "Database",
        ["Influx:BatchLines"] = "1000000",
        ["Influx:FlushInterval"] = "01:00:00",
        ["Influx:FlushWhenIdle"] = "false",
    };

    [Fact]
    public async Task StopAsync_UnaryWritesInFlight_FlushedToInfluxAndAcknowledged()
    {
        var db = InfluxFixture.NewDatabaseName("shutdown_unary");
        await using var server = await TestServer.StartAsync(influx, db, HoldEverything);
        var writes = Enumerable.Range(0, 4)
            .Select(i => server.Client.WriteAsync(Frames.Batch((ulong)i + 1, "s", (ulong)i * 100 + 1, 100)).ResponseAsync)
            .ToArray();
        await WaitForPendingLinesAsync(server, 400);
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        await server.StopAsync();

        var acks = await Task.WhenAll(writes);
        Assert.All(acks, a => Assert.Equal(100u, a.WrittenCount));
        Assert.Equal(400, await influx.CountAsync(db, "descent", "altitude_m"));
    }

    [Fact]
    public async Task StopAsync_StreamWithBatchesInFlight_AcksThemThenEndsWithUnavailable()
    {
        var db = InfluxFixture.NewDatabaseName("shutdown_stream");
        await using var server = await TestServer.StartAsync(influx, db, HoldEverything);
        using var call = server.Client.Stream();
        for (ulong b = 1; b <= 3; b++)
        {
            await call.RequestStream.WriteAsync(Frames.Batch(b, "s", b * 1000, 50));
        }
        await WaitForPendingLinesAsync(server, 150);

        var stopping = server.StopAsync();
        var acks = new List<ulong>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var ack in call.ResponseStream.ReadAllAsync())
            {
                Assert.Equal(50u, ack.WrittenCount);
                acks.Add(ack.BatchId);
            }
        });
        await stopping;

        Assert.Equal([1UL, 2, 3], acks.Order().ToArray());
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("shutting down", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(150, await influx.CountAsync(db, "descent", "altitude_m"));
    }

    private static Task WaitForPendingLinesAsync(TestServer server, long lines)
    {
        var sink = server.Services.GetRequiredService<InfluxSink>();
        return Eventually.HoldsAsync(() => sink.Stats.PendingLines >= lines, $"the sink holds {lines} lines");
    }
}
