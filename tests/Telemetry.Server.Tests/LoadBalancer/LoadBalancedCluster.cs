using Grpc.Net.Client;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.LoadBalancer;

/// <summary>
/// One influxd, two real server processes writing to the same database (each with its own spool folder) and nginx
/// in front of them with the shipped configuration: what docs/scaling.md describes, on loopback ports.
/// </summary>
internal sealed class LoadBalancedCluster : IAsyncDisposable
{
    private readonly List<TempDirectory> _spools;

    private LoadBalancedCluster(
        InfluxProcess influx, InfluxClient client, List<TempDirectory> spools, ServerProcess[] instances, NginxProcess nginx, string key)
    {
        Key = key;
        Influx = influx;
        Client = client;
        _spools = spools;
        Instances = instances;
        Nginx = nginx;
    }

    public const string Database = "balanced";

    public InfluxProcess Influx { get; }

    /// <summary>The API key every instance admits (anonymous writes are refused through nginx).</summary>
    public string Key { get; }

    public InfluxClient Client { get; }

    public IReadOnlyList<ServerProcess> Instances { get; }

    public NginxProcess Nginx { get; }

    public static async Task<LoadBalancedCluster> StartAsync()
    {
        var influx = await InfluxProcess.StartAsync();
        var spools = new List<TempDirectory> { new("telemetry-lb-spool-a"), new("telemetry-lb-spool-b") };
        var instances = new List<ServerProcess>();
        var (key, keySettings) = TestKeys.Create("balanced");
        var settings = keySettings.ToDictionary(kv => kv.Key, kv => kv.Value!);
        try
        {
            // Started one after the other: both at once only compete for the shared cores.
            foreach (var spool in spools)
            {
                instances.Add(await ServerProcess.StartAsync(influx.BaseAddress, Database, spool.Path, settings));
            }
            var nginx = await NginxProcess.StartAsync([.. instances.Select(i => i.Address)]);
            return new LoadBalancedCluster(influx, new InfluxClient(influx.BaseAddress), spools, [.. instances], nginx, key);
        }
        catch
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
            spools.ForEach(s => s.Dispose());
            await influx.DisposeAsync();
            throw;
        }
    }

    /// <summary>A channel of its own to nginx (its own HTTP/2 connection, as separate clients would have).</summary>
    public GrpcChannel NewChannel() => GrpcChannel.ForAddress(Nginx.Address);

    /// <summary>host:port of an instance, as nginx writes it in <c>upstream=</c> in the access log.</summary>
    public static string Upstream(ServerProcess instance) => $"{instance.Address.Host}:{instance.Address.Port}";

    /// <summary>
    /// Calls nginx finished on <paramref name="instance"/> with grpc-status <paramref name="status"/> (from its access
    /// log). When nginx moved on after a connect error the line lists every instance tried; the last one served it.
    /// </summary>
    public int CallsEndedOn(ServerProcess instance, string status = "0") =>
        Nginx.AccessLog.Split('\n').Count(l =>
            l.Contains($"grpc-status={status} ", StringComparison.Ordinal)
            && l.Split("upstream=")[^1].Split(", ")[^1] == Upstream(instance));

    /// <summary>What nginx and every instance printed, for failure messages.</summary>
    public string Diagnostics() =>
        $"nginx access log:\n{Nginx.AccessLog}\nnginx error log:\n{Nginx.Output}\n" +
        string.Join("\n", Instances.Select((s, i) => $"instance {i} ({s.Address}):\n{s.Output}"));

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
        Client.Dispose();
        _spools.ForEach(s => s.Dispose());
        await Influx.DisposeAsync();
    }
}
