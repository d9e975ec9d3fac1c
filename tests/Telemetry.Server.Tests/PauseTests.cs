using Grpc.Health.V1;
using Telemetry.Testing;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class PauseTests(InfluxFixture influx)
{
    [Fact]
    public async Task Write_AckAfterDatabaseDatabaseMissing_PausesUnhealthyThenWritesEverythingOnceCreated()
    {
        var db = InfluxFixture.NewDatabaseName("paused");
        await using var server = await TestServer.StartAsync(influx, db, new Dictionary<string, string?>
        {
            ["Ingest:AckAfter"] = "Database",
            ["Influx:CreateDatabase"] = "false",
            ["Influx:AuthRetryInterval"] = "00:00:00.200",
        });
        var health = new Health.HealthClient(server.Channel);

        var write = server.Client.WriteAsync(Frames.Batch(1, "s", 1, 300)).ResponseAsync;
        await HealthWaiter.WaitForAsync(health, ServingStatus.NotServing);
        Assert.False(write.IsCompleted);

        await influx.CreateDatabaseAsync(db);
        var ack = await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(300u, ack.WrittenCount);
        Assert.Empty(ack.Rejections);
        Assert.Equal(300, await influx.CountAsync(db, "descent", "altitude_m"));
        await HealthWaiter.WaitForAsync(health, ServingStatus.Serving);
    }
}
