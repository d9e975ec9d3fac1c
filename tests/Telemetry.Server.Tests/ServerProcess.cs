using System.Diagnostics;
using System.Globalization;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Telemetry.Testing;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using IngestClient = Telemetry.Contracts.V1.IngestService.IngestServiceClient;

namespace Telemetry.Server.Tests;

/// <summary>
/// The real server as a child process (<c>dotnet Telemetry.Server.dll</c>) on a free 127.0.0.1 port, so fault tests
/// can kill it with SIGKILL and start it again on the same spool folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly string[] _arguments;
    private readonly string[] _launcher;
    private readonly ProcessOutput _output = new();
    private Process _process;

    private ServerProcess(string[] arguments, Uri address, Uri opsAddress, string[] launcher)
    {
        _arguments = arguments;
        _launcher = launcher;
        Address = address;
        OpsAddress = opsAddress;
        _process = Launch();
        Channel = GrpcChannel.ForAddress(address);
        Client = new IngestClient(Channel);
    }

    public Uri Address { get; }

    /// <summary>The operations listener: /healthz, /readyz, /metrics, /status.json and the status page.</summary>
    public Uri OpsAddress { get; }

    public GrpcChannel Channel { get; private set; }

    public IngestClient Client { get; private set; }

    public int ProcessId => _process.Id;

    /// <summary>Resident set size now, in bytes (from /proc).</summary>
    public long ResidentBytes
    {
        get
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
            return 0;
        }
    }

    public string Output => _output.Text;

    /// <summary>
    /// Starts the server writing to <paramref name="influx"/> database <paramref name="database"/>, spooling into
    /// <paramref name="spool"/>; <paramref name="launcher"/> (e.g. strace and its options) runs <c>dotnet</c> when given.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(Uri influx, string database, string spool,
        IReadOnlyDictionary<string, string>? settings = null, string[]? launcher = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var ops = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var config = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = address.ToString(),
            ["Kestrel:Endpoints:Ops:Url"] = ops.ToString(),
            ["Influx:Url"] = influx.ToString(),
            ["Influx:Database"] = database,
            ["Influx:RetryMaxDelay"] = "00:00:00.500",
            ["Influx:RequestTimeout"] = "00:00:03",
            ["Spool:Directory"] = spool,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            config[key] = value;
        }
        var server = new ServerProcess([.. config.Select(kv => $"--{kv.Key}={kv.Value}")], address, new Uri(config["Kestrel:Endpoints:Ops:Url"]), launcher ?? []);
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>SIGKILL, as a crash: nothing is flushed, no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        // The whole tree: under a launcher (strace) the server is its child.
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (a graceful stop); returns the exit code, or throws when it takes longer than <paramref name="limit"/>.</summary>
    public async Task<int> TerminateAsync(TimeSpan limit)
    {
        await Signals.SendAsync(_process.Id, "TERM");
        await _process.WaitForExitAsync().WaitAsync(limit);
        return _process.ExitCode;
    }

    /// <summary>Starts the server again with the same settings (same port and spool) after <see cref="KillAsync"/>.</summary>
    public async Task RestartAsync()
    {
        Channel.Dispose();
        _process.Dispose();
        _process = Launch();
        Channel = GrpcChannel.ForAddress(Address);
        Client = new IngestClient(Channel);
        await WaitUntilServingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode} before serving:\n{Output}");
            }
            try
            {
                if ((await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status == ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the server did not report SERVING within 60 s:\n{Output}");
    }

    private Process Launch()
    {
        string[] command = [.. _launcher, "dotnet", Path.Combine(AppContext.BaseDirectory, "Telemetry.Server.dll"), .. _arguments];
        return _output.Start(new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        });
    }
}
