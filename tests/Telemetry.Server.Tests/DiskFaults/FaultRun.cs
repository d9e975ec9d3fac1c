using System.Diagnostics;
using System.Net.Http;
using Grpc.Core;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// One real server process with clients streaming through a fault: starts them, waits for what the fault should
/// bring, and checks afterwards that every acknowledged frame is in InfluxDB with its values.
/// </summary>
internal sealed class FaultRun : IAsyncDisposable
{
    private readonly List<FaultClient> _all = [];
    private CancellationTokenSource _stop = new();
    private readonly List<Task> _streams = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private FaultRun(InfluxProcess influx, ServerProcess server, string database, FaultClient[] clients)
    {
        Influx = influx;
        Server = server;
        Database = database;
        Clients = clients;
        _all.AddRange(clients);
    }

    public InfluxProcess Influx { get; }

    public ServerProcess Server { get; }

    public string Database { get; }

    /// <summary>The clients streaming now.</summary>
    public FaultClient[] Clients { get; private set; }

    /// <summary>Every client of the run, earlier rounds included.</summary>
    public IReadOnlyList<FaultClient> AllClients => _all;

    public int Acked => Clients.Sum(c => c.Ledger.AckedCount);

    /// <summary>Starts influxd, the server on <paramref name="spool"/> and <paramref name="clients"/> streaming clients.</summary>
    public static async Task<FaultRun> StartAsync(string name, string spool, int clients = 2,
        IReadOnlyDictionary<string, string>? settings = null, string[]? launcher = null)
    {
        var influx = await InfluxProcess.StartAsync();
        var server = await ServerProcess.StartAsync(influx.BaseAddress, name, spool, settings, launcher);
        var run = new FaultRun(influx, server, name,
            [.. Enumerable.Range(1, clients).Select(i => new FaultClient(new AckLedger($"{name}/{i}", 100), TimeSpan.FromMilliseconds(10)))]);
        run.StartStreaming();
        return run;
    }

    public void StartStreaming()
    {
        foreach (var client in Clients)
        {
            _streams.Add(client.RunAsync(() => Server.Client, _stop.Token));
        }
    }

    public async Task StopStreamingAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_streams).WaitAsync(TimeSpan.FromMinutes(1));
        _streams.Clear();
    }

    /// <summary>New clients, each with a source of its own named after <paramref name="round"/>, streaming from now on.</summary>
    public async Task NextRoundAsync(string round, int framesPerBatch, TimeSpan interval)
    {
        await StopStreamingAsync();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        Clients = [.. Clients.Select((_, i) => new FaultClient(new AckLedger($"{Database}/{round}/{i + 1}", framesPerBatch), interval))];
        _all.AddRange(Clients);
        StartStreaming();
    }

    /// <summary>Waits until <paramref name="count"/> more batches than now are acknowledged.</summary>
    public Task AckedMoreAsync(int count, string what)
    {
        var target = Acked + count;
        return Eventually.HoldsAsync(() => Acked >= target, what);
    }

    /// <summary>Waits for a status naming <paramref name="errno"/>; returns it and when it came (Stopwatch timestamp).</summary>
    public async Task<(StatusCode Code, string Detail, long At)> StatusNamingAsync(params string[] errno)
    {
        (StatusCode Code, string Detail, long At) found = default;
        await Eventually.HoldsAsync(() =>
        {
            foreach (var client in Clients)
            {
                foreach (var status in client.Statuses)
                {
                    if (errno.Any(e => status.Detail.Contains(e, StringComparison.Ordinal)))
                    {
                        found = status;
                        return true;
                    }
                }
            }
            return false;
        }, $"a client status naming {string.Join(" or ", errno)}");
        return found;
    }

    /// <summary>GET on the operations listener: the status code and the body.</summary>
    public async Task<(int Code, string Body)> OpsAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(Server.OpsAddress, path));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every client's acknowledged frames are in InfluxDB with their values, and no batch was left hanging: each got
    /// its ack or a status within <see cref="HangBound"/>. (How fast is for the soak's table and the benchmarks, not
    /// for a timed assertion on shared cores; the tests print the longest wait.)
    /// </summary>
    public async Task AssertEveryAckStoredAsync()
    {
        using var client = new InfluxClient(Influx.BaseAddress);
        foreach (var c in _all)
        {
            await c.Ledger.AssertStoredAsync(client, Database);
            Assert.InRange(c.LongestWait, TimeSpan.Zero, HangBound);
        }
    }

    /// <summary>A batch without an ack or a status for this long counts as hanging.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(10);

    public static double SecondsBetween(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_streams).WaitAsync(TimeSpan.FromMinutes(1));
        await Server.DisposeAsync();
        await Influx.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
