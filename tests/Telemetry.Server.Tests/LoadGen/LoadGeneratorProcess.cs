using System.Diagnostics;

namespace Telemetry.Server.Tests.LoadGen;

/// <summary>Starts the real load generator (built beside this test assembly's configuration) as a child process.</summary>
internal static class LoadGeneratorProcess
{
    /// <summary>
    /// Starts <c>Telemetry.LoadGen.dll</c> with <paramref name="arguments"/> and <paramref name="environment"/> added to
    /// this process's; standard output and error are redirected.
    /// </summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/Telemetry.Server.Tests/bin/<Configuration>/net10.0/
        var configuration = tests.Parent!.Name;
        var root = tests.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "tools", "Telemetry.LoadGen", "bin", configuration, "net10.0", "Telemetry.LoadGen.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first (dotnet build Telemetry.sln -c {configuration}).");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start)!;
    }
}
