using System.Net;
using System.Net.Sockets;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>
/// What an operator sees when the server cannot start, or is asked for help: one line on stderr naming the setting
/// or resource and what to do, no stack trace, and the documented exit code (the real process, as run.sh runs it).
/// </summary>
public sealed class StartFailureTests
{
    [Fact]
    public async Task Start_PortInUse_OneLineAndExit4()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, stdout, stderr) = await RunAsync($"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.CannotListen, exit);
        AssertOneLine(stderr, $"127.0.0.1:{port}", "address already in use", "Kestrel:Endpoints:Grpc:Url");
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnparsableSetting_OneLineNamingItAndExit2()
    {
        var (exit, _, stderr) = await RunAsync("--Spool:MaxBytes=abc");

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        AssertOneLine(stderr, "'abc'", "Spool:MaxBytes");
    }

    [Fact]
    public async Task Start_SettingOutOfRange_OneLineNamingItAndExit2()
    {
        var (exit, _, stderr) = await RunAsync("--Sequences:Window=100");

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        AssertOneLine(stderr, "Sequences:Window must be 0 (off) or a power of two", "got 100");
    }

    [Fact]
    public async Task Start_SpoolFolderHeldByAnotherServer_OneLineNamingTheHolderAndExit5()
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-start-spool");
        await using var first = await ServerProcess.StartAsync(influx.BaseAddress, "start", spool.Path);

        var (exit, _, stderr) = await RunAsync($"--Spool:Directory={spool.Path}", $"--Influx:Url={influx.BaseAddress}");

        Assert.Equal(ExitCodes.SpoolUnusable, exit);
        AssertOneLine(stderr, "is in use by another server", $"process {first.ProcessId}", "Spool:Directory");
    }

    [Fact]
    public async Task Start_Verbose_AddsTheTrace()
    {
        var (exit, _, stderr) = await RunAsync("--Spool:MaxBytes=abc", "--verbose");

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.StartsWith("Telemetry.Server: cannot start: invalid configuration", stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_PrintsUsageAndExitCodesWithoutStarting(string flag)
    {
        var (exit, stdout, stderr) = await RunCommandAsync(flag);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("exit codes:", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr.Trim());
    }

    [Fact]
    public async Task Keygen_Help_PrintsUsageAndMakesNoKey()
    {
        var (exit, stdout, _) = await RunCommandAsync("keygen", "--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("usage: Telemetry.Server keygen", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("key:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keygen_DashedName_TheEnvironmentLineWorksInBash()
    {
        var (exit, stdout, _) = await RunCommandAsync("keygen", "gateway-a");
        var hash = stdout.Split('\n')[1]["hash: ".Length..].Trim();
        var line = stdout.Split('\n').Single(l => l.Contains("or the environment:", StringComparison.Ordinal));
        var command = line[(line.IndexOf("env ", StringComparison.Ordinal))..].Replace("Telemetry.Server ...", "printenv Security__ApiKeys__gateway-a__Hash", StringComparison.Ordinal);

        var (shellExit, printed, shellError) = await RunProcessAsync("/bin/bash", "-c", command);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(shellExit == 0, shellError);
        Assert.Equal(hash, printed.Trim());
        Assert.Contains("\"AllowAnonymous\": false", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MistypedCommand_OneLineAndExit2()
    {
        var (exit, _, stderr) = await RunCommandAsync("keygne");

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        AssertOneLine(stderr, "unknown command 'keygne'", "--help");
    }

    private static void AssertOneLine(string stderr, params string[] parts)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got {lines.Length}:\n{stderr}");
        Assert.StartsWith("Telemetry.Server: ", lines[0], StringComparison.Ordinal);
        foreach (var part in parts)
        {
            Assert.Contains(part, lines[0], StringComparison.Ordinal);
        }
    }

    /// <summary>The server with <paramref name="settings"/>, on free ports and a fresh spool folder unless they name others.</summary>
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] settings)
    {
        using var spool = new TempDirectory("telemetry-start");
        string[] defaults =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{FreePort.Next()}", $"--Kestrel:Endpoints:Ops:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Spool:Directory={spool.Path}", "--Influx:Url=http://127.0.0.1:1",
        ];
        var named = settings.Where(s => s.Contains('=', StringComparison.Ordinal)).Select(s => s[..s.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();
        return await RunCommandAsync([.. defaults.Where(d => !named.Contains(d[..d.IndexOf('=', StringComparison.Ordinal)])), .. settings]);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunCommandAsync(params string[] args) => ServerBinary.RunAsync(args);

    private static Task<(int Exit, string Stdout, string Stderr)> RunProcessAsync(string file, params string[] args) =>
        ServerBinary.RunProcessAsync(file, args);
}
