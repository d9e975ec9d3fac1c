using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Telemetry.Testing;

/// <summary>
/// A private influxd (Debian's <c>influxdb</c> package, 1.6.x) running as a child process on free loopback ports,
/// with its meta, data and WAL directories in a temporary folder. Dispose stops it and deletes the folder.
/// </summary>
public sealed class InfluxProcess : IAsyncDisposable
{
    /// <summary>The command that installs influxd on Debian, quoted in the error when it is missing.</summary>
    public const string InstallCommand = "apt-get update && apt-get install -y influxdb";

    private readonly string _executable;
    private readonly string _configPath;
    private readonly TempDirectory _directory;
    private readonly ProcessOutput _output = new();
    private Process _process;

    private InfluxProcess(string executable, string configPath, TempDirectory directory, Uri baseAddress)
    {
        _executable = executable;
        _configPath = configPath;
        _directory = directory;
        BaseAddress = baseAddress;
        _process = Launch();
    }

    /// <summary>HTTP base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Operating-system process id of influxd.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts influxd and waits (up to <paramref name="timeout"/>, default 30 s) until <c>/ping</c> answers 204.</summary>
    /// <param name="authEnabled">Start with <c>[http] auth-enabled = true</c>.</param>
    /// <param name="timeout">How long to wait for <c>/ping</c>.</param>
    public static async Task<InfluxProcess> StartAsync(bool authEnabled = false, TimeSpan? timeout = null)
    {
        var executable = FindInfluxd() ?? throw new InvalidOperationException(
            $"influxd was not found on PATH. The integration tests need a real InfluxDB 1.x: install it with `{InstallCommand}` (as root).");
        var directory = new TempDirectory("influxd");
        var httpPort = FreePort.Next();
        var rpcPort = FreePort.Next();
        var configPath = System.IO.Path.Combine(directory.Path, "influxdb.conf");
        await File.WriteAllTextAsync(configPath, InfluxConfig.Render(directory.Path, httpPort, rpcPort, authEnabled));

        var influx = new InfluxProcess(executable, configPath, directory, new Uri($"http://127.0.0.1:{httpPort}/"));
        try
        {
            await influx.WaitForPingAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch
        {
            await influx.DisposeAsync();
            throw;
        }
        return influx;
    }

    /// <summary>Kills influxd at once (SIGKILL, as a crash would) and waits for it to exit; its data stays.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Freezes influxd (SIGSTOP): its sockets stay open but nothing answers, as in a long stall.</summary>
    public Task PauseAsync() => Signals.SendAsync(_process.Id, "STOP");

    /// <summary>Lets a paused influxd run again (SIGCONT).</summary>
    public Task ResumeAsync() => Signals.SendAsync(_process.Id, "CONT");

    /// <summary>Starts influxd again on the same ports and data after <see cref="KillAsync"/>, and waits on <c>/ping</c>.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("influxd is still running; kill it first.");
        }
        _process.Dispose();
        _process = Launch();
        await WaitForPingAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>What influxd printed so far (its last 64 KiB), for failure messages.</summary>
    public string Output => _output.Text;

    /// <summary>Kills influxd and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
        _directory.Dispose();
    }

    private Process Launch() => _output.Start(new ProcessStartInfo(_executable, ["run", "-config", _configPath]));

    private async Task WaitForPingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"influxd exited with code {_process.ExitCode.ToString(CultureInfo.InvariantCulture)} before answering /ping:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("ping");
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"influxd did not answer /ping with 204 within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    private static string? FindInfluxd()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(System.IO.Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = System.IO.Path.Combine(dir, "influxd");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
