using Telemetry.Client;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.LoadBalancer;

/// <summary>
/// nginx with the shipped deploy/nginx/telemetry-grpc.conf in front of two real server processes (each on its own
/// spool folder) that write to one influxd: streams are spread over both, and when one instance stops mid-stream its
/// clients reconnect through nginx to the other. Every check of stored data is by (source, sequence) and value.
/// </summary>
public sealed class NginxLoadBalancerTests
{
    private const int Sources = 4;

    [Fact]
    public async Task Stream_FourSourcesThroughNginx_SpreadOverBothInstancesAndEveryFrameStoredOnce()
    {
        await using var cluster = await LoadBalancedCluster.StartAsync();
        var clients = Enumerable.Range(1, Sources).Select(i => new BalancedClient(cluster, $"lb/spread/{i}", batches: 100)).ToArray();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(40));

        var results = await Task.WhenAll(clients.Select(c => c.SendAsync(stop.Token))).WaitAsync(TimeSpan.FromSeconds(45));

        Assert.All(results, r => Assert.Equal((null, 100L, 0, 0), (r.Failure, r.BatchesAcknowledged, r.Unacknowledged, r.Reconnects)));
        // One call per source, each ended with grpc-status 0 where nginx sent it: round robin gives each instance two.
        await Eventually.HoldsAsync(() => cluster.CallsEndedOn(cluster.Instances[0]) + cluster.CallsEndedOn(cluster.Instances[1]) == Sources,
            $"{Sources} calls logged by nginx:\n{cluster.Diagnostics()}");
        Assert.Equal(Sources / 2, cluster.CallsEndedOn(cluster.Instances[0]));
        Assert.Equal(Sources / 2, cluster.CallsEndedOn(cluster.Instances[1]));
        foreach (var client in clients)
        {
            await client.Ledger.AssertStoredAsync(cluster.Client, LoadBalancedCluster.Database);
            client.Dispose();
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Stream_OneInstanceStoppedMidStream_ClientsReconnectToTheOtherAndEveryFrameStoredOnce(string signal)
    {
        const int batches = 300;
        await using var cluster = await LoadBalancedCluster.StartAsync();
        var (victim, survivor) = (cluster.Instances[0], cluster.Instances[1]);
        var clients = Enumerable.Range(1, Sources).Select(i => new BalancedClient(cluster, $"lb/{signal}/{i}", batches)).ToArray();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var sending = clients.Select(c => c.SendAsync(stop.Token)).ToArray();
        await Eventually.HoldsAsync(() => clients.All(c => c.Ledger.AckedCount >= 20), "20 acks on every stream before the stop");

        if (signal == "KILL")
        {
            await victim.KillAsync();
        }
        else
        {
            await victim.TerminateAsync(TimeSpan.FromSeconds(20));
        }
        IngestStreamResult[] results = await Task.WhenAll(sending).WaitAsync(TimeSpan.FromSeconds(45));

        Assert.All(results, r => Assert.Equal((null, (long)batches, 0), (r.Failure, r.BatchesAcknowledged, r.Unacknowledged)));
        // The two streams nginx had sent to the stopped instance failed and came back on the survivor; the survivor's
        // own two never noticed. So every stream ended, with grpc-status 0, on the survivor.
        Assert.Equal(Sources / 2, clients.Count(c => c.Observer.Reconnects > 0));
        Assert.All(clients, c => Assert.InRange(c.Observer.Reconnects, 0, 10));
        await Eventually.HoldsAsync(() => cluster.CallsEndedOn(survivor) == Sources, $"{Sources} calls ended on the survivor:\n{cluster.Diagnostics()}");
        Assert.Equal(0, cluster.CallsEndedOn(victim));

        // What the stopped instance acknowledged but had not yet forwarded is in its spool alone: it reaches InfluxDB
        // once the instance runs again on that spool (after a SIGKILL, always some; after SIGTERM, what a 2 s drain left).
        await victim.RestartAsync();
        foreach (var client in clients)
        {
            await client.Ledger.AssertStoredAsync(cluster.Client, LoadBalancedCluster.Database);
            client.Dispose();
        }
    }

    [Fact]
    public async Task Write_AnonymousThroughNginx_RefusedNamingTheProxyWhileTheSameCallDirectIsAccepted()
    {
        await using var cluster = await LoadBalancedCluster.StartAsync();
        using var channel = cluster.NewChannel();
        var throughProxy = new Telemetry.Contracts.V1.IngestService.IngestServiceClient(channel);

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => throughProxy.WriteAsync(Frames.Batch(1, "lb/anonymous", 1, 3)).ResponseAsync);
        var direct = await cluster.Instances[0].Client.WriteAsync(Frames.Batch(2, "lb/direct", 1, 3));
        var keyed = await throughProxy.WriteAsync(Frames.Batch(3, "lb/keyed", 1, 3), TestKeys.Bearer(cluster.Key));

        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("anonymous writes are not accepted through a proxy", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((3u, 3u), (direct.WrittenCount, keyed.WrittenCount));
        await Eventually.HoldsAsync(async () => (await cluster.Client.QueryAsync(LoadBalancedCluster.Database, "SELECT step FROM descent")).Count == 6,
            () => "6 frames forwarded");
        await StoredFrames.AssertStoredAsync(q => cluster.Client.QueryAsync(LoadBalancedCluster.Database, q),
            Frames.Batch(0, "lb/direct", 1, 3).Frames.Concat(Frames.Batch(0, "lb/keyed", 1, 3).Frames));
    }
}
