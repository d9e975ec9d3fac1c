using System.Diagnostics;

namespace Telemetry.Testing;

/// <summary>Sends POSIX signals to child processes with the system's <c>kill</c> command.</summary>
public static class Signals
{
    /// <summary>Sends SIG<paramref name="signal"/> (e.g. "STOP", "CONT", "KILL") to <paramref name="pid"/>.</summary>
    public static async Task SendAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed with exit code {kill.ExitCode}");
        }
    }
}
