using Telemetry.Replay.Commands;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class CliInputErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-cli");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Run_UnknownScenario_ExitCode1AndListsTheShippedScenarios()
    {
        var exit = await _console.InvokeAsync("run", "apollo-11");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(
            "error: 'apollo-11' is neither a shipped scenario (descents: nominal, resilience-m2, hakuto-r-m1, lrf-disabled, " +
            "resilience-m2-inertial-start, hakuto-r-m1-readmit, lrf-disabled-silent-check, slim; " +
            "ascents: kairos-nominal, kairos-f1, kairos-f1-underperformance, kairos-f2, kairos-f3, kairos-f3-wobble, kairos-f3-continue) nor an existing file.",
            System.Text.RegularExpressions.Regex.Replace(_console.Output, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ScenarioFileWithBadValue_ExitCode1AndNamesTheProperty()
    {
        var file = Path.Combine(_directory.Path, "bad.json");
        await File.WriteAllTextAsync(file, """{ "name": "bad", "vehicle": { "maxThrustN": -5 } }""");

        var exit = await _console.InvokeAsync("run", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("$.vehicle.maxThrustN", _console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ScenarioFileWithUnknownProperty_ExitCode1AndNamesTheProperty()
    {
        var file = Path.Combine(_directory.Path, "typo.json");
        await File.WriteAllTextAsync(file, """{ "name": "typo", "lrf": { "firstValidBelowAltitudeMeters": 893 } }""");

        var exit = await _console.InvokeAsync("run", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("firstValidBelowAltitudeMeters", _console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StreamToNotAnHttpUrl_ExitCode1BeforeFlying()
    {
        var exit = await _console.InvokeAsync("run", "nominal", "--stream-to", "ftp://127.0.0.1/", "--out", _directory.Path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --stream-to: 'ftp://127.0.0.1/' is not an http:// or https:// URL.", _console.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public async Task Sweep_BothParameters_ExitCode1NamesTheChoice()
    {
        var exit = await _console.InvokeAsync("sweep", "resilience-m2", "--first-valid-altitude-from", "3000", "--delay-from", "0", "--to", "200", "--step", "100");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: give exactly one of --first-valid-altitude-from and --delay-from.", _console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonteCarlo_ZeroRuns_ExitCode1()
    {
        var exit = await _console.InvokeAsync("montecarlo", "nominal", "--runs", "0");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --runs must be 1-1000000 (got 0).", _console.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
