using System.Diagnostics;

namespace Telemetry.Server.Tests;

/// <summary>Runs a program to its end (the server binary by default) and returns its exit code and output.</summary>
internal static class ServerBinary
{
    /// <summary><c>Telemetry.Server.dll</c> with exactly <paramref name="args"/>.</summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        RunProcessAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Telemetry.Server.dll"), .. args]);

    /// <summary><paramref name="file"/> with <paramref name="args"/>, within 60 s.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunProcessAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
