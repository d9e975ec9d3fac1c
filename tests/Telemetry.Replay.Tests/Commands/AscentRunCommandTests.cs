using System.Globalization;
using System.Text.Json;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Commands;
using Telemetry.Replay.Output.Ascent;
using Telemetry.Replay.Tests.Output;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class AscentRunCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-ascent");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Run_KairosF3_PrintsTheDecisionAndWritesCsvJsonPlotsAndReport()
    {
        var exit = await _console.InvokeAsync("run", "kairos-f3", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var output = _console.Output;
        Assert.Contains("self_test_fault", output, StringComparison.Ordinal);
        Assert.Contains("Flight terminated: channel B declared itself faulty", output, StringComparison.Ordinal);
        Assert.Contains("a FALSE termination", output, StringComparison.Ordinal);
        Assert.Equal(21, Directory.GetFiles(_directory.Path).Length);
        foreach (var plot in new[]
        {
            "altitude-speed", "attitude", "attitude-error", "attitude-rate", "performance-band", "limit-line", "iip-map", "channels", "rule-margins",
        })
        {
            RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, plot + ".png"));
        }

        var html = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "report.html"));
        Assert.Contains("<td>termination</td>", html, StringComparison.Ordinal);
        Assert.Contains("coastline (Natural Earth)", html, StringComparison.Ordinal);
        Assert.Contains("public: 29.0 ± 1.5 km at 68.8 s", html, StringComparison.Ordinal);
        Assert.Contains("declared itself faulty", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KairosF3_OutcomeJsonNamesTheRuleValueLimitAndTheFiguresAgainstThePublicOnes()
    {
        var expected = AscentSimulator.Run(AscentScenarioCatalog.Load("kairos-f3"));

        await _console.InvokeAsync("run", "kairos-f3", "--out", _directory.Path);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "outcome.json")));
        var root = json.RootElement;
        Assert.Equal("ascent", root.GetProperty("kind").GetString());
        Assert.False(root.GetProperty("good").GetBoolean());
        var outcome = root.GetProperty("outcome");
        Assert.Equal("terminated", outcome.GetProperty("kind").GetString());
        Assert.Equal("false_termination", outcome.GetProperty("judgement").GetString());
        var termination = outcome.GetProperty("termination");
        Assert.Equal("channel_fault", termination.GetProperty("rule").GetString());
        Assert.Equal(expected.Outcome.Termination!.Value, termination.GetProperty("value").GetDouble());
        Assert.Equal(0.5, termination.GetProperty("limit").GetDouble());
        Assert.True(outcome.GetProperty("truth").GetProperty("healthy").GetBoolean());
        Assert.Equal(expected.Events.Count, root.GetProperty("timeline").GetArrayLength());
        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(2, figures.Count);
        Assert.All(figures, f => Assert.True(f.GetProperty("within").GetBoolean()));
        Assert.Equal("termination_time_s", figures[0].GetProperty("metric").GetString());
    }

    [Fact]
    public async Task Run_KairosNominalSeed2_CsvRowsAreTheSimulatedTrajectoryExactly()
    {
        var expected = AscentSimulator.Run(AscentScenarioCatalog.Load("kairos-nominal"), seed: 2).Trajectory;

        await _console.InvokeAsync("run", "kairos-nominal", "--seed", "2", "--out", _directory.Path);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "trajectory.csv"));
        Assert.Equal(string.Join(',', AscentCsv.Columns), lines[0]);
        Assert.Equal(expected.Count + 1, lines.Length);
        foreach (var i in new[] { 0, expected.Count / 2, expected.Count - 1 })
        {
            var cells = lines[i + 1].Split(',');
            var s = expected[i];
            double Cell(string column) => double.Parse(cells[Array.IndexOf(AscentCsv.Columns, column)], CultureInfo.InvariantCulture);
            Assert.Equal([s.TimeS, s.AltitudeM, s.DownrangeM, s.CrossrangeM], cells[..4].Select(c => double.Parse(c, CultureInfo.InvariantCulture)));
            Assert.Equal(s.SpeedMps, Cell("speed_mps"));
            Assert.Equal(s.NavRateDegPerS, Cell("nav_rate_deg_per_s"));
            Assert.Equal(s.YawDeg, Cell("yaw_deg"));
            Assert.Equal(s.ChannelB, Cell("channel_b"));
        }
    }

    [Fact]
    public async Task Run_ResilienceM2_WritesADescentOutcomeJson()
    {
        await _console.InvokeAsync("run", "resilience-m2", "--out", _directory.Path);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "outcome.json")));
        var root = json.RootElement;
        Assert.Equal("descent", root.GetProperty("kind").GetString());
        Assert.Equal("hard_impact", root.GetProperty("outcome").GetProperty("kind").GetString());
        Assert.False(root.GetProperty("good").GetBoolean());
        Assert.Contains(root.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "lrf_first_valid");
        Assert.All(root.GetProperty("figures").EnumerateArray(), f => Assert.True(f.GetProperty("within").GetBoolean()));
    }

    public void Dispose() => _directory.Dispose();
}
