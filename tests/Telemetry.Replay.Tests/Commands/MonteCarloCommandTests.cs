using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using System.Globalization;
using Telemetry.Replay.Commands;
using Telemetry.Replay.Tests.Output;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class MonteCarloCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-mc");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task MonteCarlo_Nominal12Runs_ReportsTheCsvsSuccessCountWithItsInterval()
    {
        var exit = await _console.InvokeAsync("montecarlo", "nominal", "--runs", "12", "--seed", "100", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "runs.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        Assert.Equal(Enumerable.Range(100, 12).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[1]));
        var successes = rows.Count(r => r[4] == "true");
        Assert.All(rows, r => Assert.Equal(r[4] == "true", r[3] == "none"));
        foreach (var cause in Enum.GetValues<FailureCause>().Where(c => c != FailureCause.None))
        {
            var name = Telemetry.Replay.Output.SnakeCase.Of(cause);
            Assert.Matches($"failed by {name} +│ {rows.Count(r => r[3] == name)} ", _console.Output);
        }

        Assert.Contains($"({successes} of 12 runs); 95 % Wilson interval ", _console.Output, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo: nominal, seeds 100..111", _console.Output, StringComparison.Ordinal);
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "touchdown-speed-histogram.png"));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "report.html")));
    }

    public void Dispose() => _directory.Dispose();
}
