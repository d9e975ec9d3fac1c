using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Influx;
using Telemetry.Testing;

using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Telemetry.Server.Tests;

/// <summary>InfluxDB killed with SIGKILL in the middle of a stream, then restarted on the same data.</summary>
public sealed class InfluxCrashTests
{
    private const int Batches = 40;
    private const int FramesPerBatch = 250;

    [Fact]
    public async Task Stream_AckAfterDatabaseInfluxKilledAndRestartedMidStream_EveryAcknowledgedFrameStoredExactlyOnce()
    {
        await using var influx = await InfluxProcess.StartAsync();
        await using var server = await TestServer.StartAsync(influx.BaseAddress, "crash", new Dictionary<string, string?>
        {
            ["Ingest:AckAfter"] = "Database",
            ["Influx:RetryMaxDelay"] = "00:00:00.500",
            ["Influx:RequestTimeout"] = "00:00:05",
            ["Ingest:UnhealthyAfterFailingSeconds"] = "1",
        });
        var health = new Health.HealthClient(server.Channel);
        var sink = server.Services.GetRequiredService<InfluxSink>();
        using var call = server.Client.Stream();
        var acks = new ConcurrentQueue<BatchAck>();
        var reader = Task.Run(async () =>
        {
            await foreach (var ack in call.ResponseStream.ReadAllAsync())
            {
                acks.Enqueue(ack);
            }
        });

        for (var b = 0; b < Batches; b++)
        {
            if (b == Batches / 4)
            {
                var acked = b;
                await Eventually.HoldsAsync(() => acks.Count >= acked, $"{acked} acks before the crash");
                await influx.KillAsync();
            }
            if (b == Batches / 2)
            {
                await Eventually.HoldsAsync(() => sink.Stats.Retries > 0, "a write failed while InfluxDB was down");
                await HealthWaiter.WaitForAsync(health, ServingStatus.NotServing);
                await influx.RestartAsync();
            }
            await call.RequestStream.WriteAsync(Frames.Batch((ulong)b + 1, "crash", (ulong)(b * FramesPerBatch) + 1, FramesPerBatch));
        }
        await call.RequestStream.CompleteAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(1, Batches).Select(i => (ulong)i), acks.Select(a => a.BatchId).Order());
        Assert.All(acks, a => Assert.Equal((uint)FramesPerBatch, a.WrittenCount));
        using var client = new InfluxClient(influx.BaseAddress);
        Assert.Equal(Batches * FramesPerBatch, await client.CountAsync("crash", "descent", "step"));
        await HealthWaiter.WaitForAsync(health, ServingStatus.Serving);
    }
}
