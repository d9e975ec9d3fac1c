using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace Telemetry.Benchmarks.Peer;

/// <summary>
/// <c>peer-write [--url URL] [--database DB] [--points N] [--writers 2,4] [--clients ours,batching,async]</c>:
/// writes the same points with our sink and with InfluxDB.Client, one case after the other, and prints one JSON line
/// per case: points/s and the CPU seconds per million points of this process (user + system, everything it does:
/// building the points, encoding, HTTP). Without <c>--url</c> it starts a 204 stand-in as a child process on a free
/// loopback port (its CPU is not counted); with one (an influxd 1.x) the client's 2.x writes are rewritten to /write.
/// Defaults: 1,000,000 points, database <c>peer</c>, writers 2 and 4, all three clients.
/// </summary>
internal static class PeerWriteCommand
{
    public const string Verb = "peer-write";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Option(args, "--url");
        var database = Option(args, "--database") ?? "peer";
        var points = long.Parse(Option(args, "--points") ?? "1000000", CultureInfo.InvariantCulture);
        var writers = (Option(args, "--writers") ?? "2,4").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        var clients = (Option(args, "--clients") ?? "ours,batching,async").Split(',');
        using var endpoint = url is null ? StartEndpoint(out url) : null;
        var target = new Uri(url);
        await WaitForAsync(target);

        foreach (var client in clients)
        {
            foreach (var n in client == "batching" ? [1] : writers)
            {
                // Warm-up (JIT, connections) on a tenth of the points, then the measured run.
                await WriteAsync(client, target, database, Math.Max(5_000, points / 10), n);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var written = await WriteAsync(client, target, database, points, n);
                var seconds = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["client"] = client, ["writers"] = n, ["points"] = points, ["written"] = written,
                    ["elapsed_s"] = Math.Round(seconds, 3), ["points_per_s"] = Math.Round(written / seconds),
                    ["cpu_s"] = Math.Round(cpuSeconds, 3), ["cpu_s_per_million"] = Math.Round(cpuSeconds / (points / 1e6), 3),
                }));
            }
        }
        return 0;
    }

    private static Task<long> WriteAsync(string client, Uri url, string database, long points, int writers) => client switch
    {
        "ours" => SinkWriter.RunAsync(url, database, points, writers),
        "batching" => Task.Run(() => ClientWriters.Batching(url, database, points)),
        "async" => ClientWriters.ConcurrentAsync(url, database, points, writers),
        _ => throw new ArgumentException($"unknown client '{client}': ours, batching or async"),
    };

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static EndpointProcess StartEndpoint(out string url)
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PeerWriteCommand).Assembly.Location);
        }
        start.ArgumentList.Add(NoContentEndpoint.Verb);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        return new EndpointProcess(Process.Start(start)!);
    }

    private static async Task WaitForAsync(Uri url)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(url.Host, url.Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{url} did not accept connections within 10 s");
    }

    private sealed class EndpointProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
