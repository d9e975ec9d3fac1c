using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Telemetry.Testing;

/// <summary>
/// A private nginx (Debian's <c>nginx</c> package) in the foreground as a child process, rendered from the shipped
/// deploy/nginx/telemetry-grpc.conf with its listener on a free loopback port and its pid, logs and temp folders in
/// a temporary prefix, so it needs no root and no /var paths. Dispose stops it and deletes the folder.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    /// <summary>The command that installs nginx on Debian, quoted in the error when it is missing.</summary>
    public const string InstallCommand = "apt-get update && apt-get install -y nginx";

    private readonly TempDirectory _directory;
    private readonly ProcessOutput _output = new();
    private readonly Process _process;

    private NginxProcess(string executable, TempDirectory directory, int port)
    {
        _directory = directory;
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var config = Path.Combine(directory.Path, "nginx.conf");
        // -e: the error log nginx opens before it has read the configuration (else /var/log/nginx/error.log).
        _process = _output.Start(new ProcessStartInfo(executable,
            ["-p", directory.Path + "/", "-c", config, "-e", ErrorLogPath, "-g", "daemon off;"]));
    }

    /// <summary>The address gRPC clients connect to, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>The loopback port nginx listens on.</summary>
    public int Port { get; }

    /// <summary>Operating-system process id of the nginx master.</summary>
    public int ProcessId => _process.Id;

    /// <summary>nginx's error log and anything it printed, for failure messages.</summary>
    public string Output => _output.Text + ReadIfExists(ErrorLogPath);

    /// <summary>
    /// The access log: one line per finished call, with <c>upstream=host:port</c> of the instance (or instances,
    /// comma separated, when nginx moved on after a connect error) and the call's <c>grpc-status</c>.
    /// </summary>
    public string AccessLog => ReadIfExists(Path.Combine(_directory.Path, "access.log"));

    private string ErrorLogPath => Path.Combine(_directory.Path, "error.log");

    /// <summary>
    /// Starts nginx in front of <paramref name="instances"/> (gRPC endpoints, at least two) and waits (up to
    /// <paramref name="timeout"/>, default 10 s) until its port accepts connections.
    /// </summary>
    public static async Task<NginxProcess> StartAsync(IReadOnlyList<Uri> instances, TimeSpan? timeout = null)
    {
        var executable = Find() ?? throw new InvalidOperationException(
            $"nginx was not found on PATH or in /usr/sbin. The load balancer tests need Debian's nginx: install it with `{InstallCommand}` (as root).");
        var directory = new TempDirectory("nginx");
        var port = FreePort.Next();
        var upstreams = instances.Select(i => $"{i.Host}:{i.Port.ToString(CultureInfo.InvariantCulture)}").ToArray();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "nginx.conf"),
            NginxConfig.Render($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", upstreams));
        var nginx = new NginxProcess(executable, directory, port);
        try
        {
            await nginx.WaitForListenerAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
        return nginx;
    }

    /// <summary>Stops nginx (SIGTERM, a fast shutdown; SIGKILL after 10 s) and deletes its prefix.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await Signals.SendAsync(_process.Id, "TERM");
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        _directory.Dispose();
    }

    private async Task WaitForListenerAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"nginx exited with code {_process.ExitCode.ToString(CultureInfo.InvariantCulture)} before listening:\n{Output}");
            }
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"nginx did not accept connections on {Address} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    private static string ReadIfExists(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return string.Empty;
        }
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator).Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "nginx"))
            .FirstOrDefault(File.Exists);
    }
}
