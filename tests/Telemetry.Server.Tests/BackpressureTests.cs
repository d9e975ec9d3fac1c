using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Ingest.Influx;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class BackpressureTests(InfluxFixture influx, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Batches = 400;
    private const int FramesPerBatch = 200;
    private const long MaxPendingBytes = 1024 * 1024;

    [Fact]
    public async Task Stream_AckAfterDatabaseInfluxPausedAndSinkFull_ServerStopsReadingThenWritesEveryAcceptedFrame()
    {
        var db = InfluxFixture.NewDatabaseName("backpressure");
        await using var server = await TestServer.StartAsync(influx, db, new Dictionary<string, string?>
        {
            ["Ingest:AckAfter"] = "Database",
            ["Influx:CreateDatabase"] = "false",
            ["Influx:AuthRetryInterval"] = "00:00:00.200",
            ["Influx:MaxPendingBytes"] = MaxPendingBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:MaxBatchesInFlightPerStream"] = "4096",
        });
        var sink = server.Services.GetRequiredService<InfluxSink>();
        using var call = server.Client.Stream();

        // Write until the server stops reading: a write that has not completed after 2 s is blocked by flow control.
        var sent = 0;
        Task? blocked = null;
        while (sent < Batches)
        {
            var write = call.RequestStream.WriteAsync(Frames.Batch((ulong)sent + 1, "s", (ulong)sent * FramesPerBatch + 1, FramesPerBatch));
            if (await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(2))) != write)
            {
                blocked = write;
                break;
            }
            sent++;
        }

        output.WriteLine($"server stopped reading after {sent} batches; sink holds {sink.Stats.PendingBytes} bytes");
        Assert.NotNull(blocked);
        Assert.True(sent < Batches / 2, $"{sent} of {Batches} batches were accepted while InfluxDB was paused");
        var pendingBytes = sink.Stats.PendingBytes;
        Assert.InRange(pendingBytes, 1, MaxPendingBytes + 64 * 1024);

        await influx.CreateDatabaseAsync(db);
        await blocked.WaitAsync(TimeSpan.FromSeconds(30));
        sent++;
        await call.RequestStream.CompleteAsync();
        var acks = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(sent, acks.Count);
        Assert.All(acks, a => Assert.Equal((uint)FramesPerBatch, a.WrittenCount));
        Assert.Equal(sent * FramesPerBatch, await influx.CountAsync(db, "descent", "altitude_m"));
    }
}
