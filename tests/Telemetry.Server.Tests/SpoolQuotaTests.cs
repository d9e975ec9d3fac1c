using Grpc.Core;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class SpoolQuotaTests(InfluxFixture influx)
{
    [Fact]
    public async Task Write_SpoolFullWhileInfluxRefuses_ResourceExhaustedThenAcceptedOnceItDrains()
    {
        var db = InfluxFixture.NewDatabaseName("quota");
        await using var server = await TestServer.StartAsync(influx, db, new Dictionary<string, string?>
        {
            // The database does not exist and is not created: InfluxDB answers 404 and the forwarder pauses.
            ["Influx:CreateDatabase"] = "false",
            ["Influx:AuthRetryInterval"] = "00:00:00.200",
            ["Spool:SegmentBytes"] = "1048576",
            ["Spool:MaxBytes"] = "2097152",
        });

        var acked = new List<ulong>();
        RpcException? refused = null;
        for (ulong b = 1; b <= 200 && refused is null; b++)
        {
            try
            {
                var ack = await server.Client.WriteAsync(Frames.Batch(b, "quota", (b - 1) * 200, 200));
                Assert.Equal(200u, ack.WrittenCount);
                acked.Add(b);
            }
            catch (RpcException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("spool is full", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Spool:MaxBytes", refused.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(acked.Count, 10, 199);

        await influx.CreateDatabaseAsync(db);
        var next = (ulong)acked.Count + 1;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await server.Client.WriteAsync(Frames.Batch(next, "quota", (next - 1) * 200, 200))).Accepted;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return false;
            }
        }, () => "the spool accepts again once InfluxDB drained it");
        await server.WaitUntilForwardedAsync();
        var steps = (await influx.QueryAsync(db, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64()).ToHashSet();
        Assert.Equal(Enumerable.Range(0, (acked.Count + 1) * 200).Select(i => (long)i).ToHashSet(), steps);
    }
}
