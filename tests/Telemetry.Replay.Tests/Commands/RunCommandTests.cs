using System.Globalization;
using System.Text.Json;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Commands;
using Telemetry.Replay.Output.Csv;
using Telemetry.Replay.Tests.Output;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-run");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Run_ResilienceM2_PrintsTimelineOutcomeAndPublicFiguresAndWritesEveryFile()
    {
        var exit = await _console.InvokeAsync("run", "resilience-m2", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var output = _console.Output;
        Assert.Contains("Event timeline", output, StringComparison.Ordinal);
        Assert.Contains("lrf_first_valid", output, StringComparison.Ordinal);
        Assert.Contains("Public figures: ", output, StringComparison.Ordinal);
        Assert.Contains("Hard impact at ", output, StringComparison.Ordinal);
        Assert.Equal(17, Directory.GetFiles(_directory.Path).Length);
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "final-descent-rate.png"));
        var html = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "report.html"));
        Assert.Contains("<td>lrf_first_valid</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        // The scenario as flown is in the report and reads back as the same scenario.
        var start = html.IndexOf("<pre>", StringComparison.Ordinal) + "<pre>".Length;
        var json = System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</pre>", start, StringComparison.Ordinal)]);
        Assert.Equal(ScenarioCatalog.ToJson(ScenarioCatalog.Load("resilience-m2")), ScenarioCatalog.ToJson(ScenarioCatalog.Parse(json, "report")));
    }

    [Fact]
    public async Task Run_ResilienceM2Seed3_CsvRowsAreTheSimulatedTrajectoryExactly()
    {
        var expected = DescentSimulator.Run(ScenarioCatalog.Load("resilience-m2"), seed: 3).Trajectory;

        var exit = await _console.InvokeAsync("run", "resilience-m2", "--seed", "3", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "trajectory.csv"));
        Assert.Equal(string.Join(',', TrajectoryCsv.Columns), lines[0]);
        Assert.Equal(expected.Count + 1, lines.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            var s = expected[i];
            Assert.Equal(
                [s.TimeS, s.TrueAltitudeM, s.EstimatedAltitudeM, s.DescentRateMps, s.HorizontalSpeedMps, s.DownrangeM, s.ThrustN, s.Throttle, s.PitchDeg, s.MassKg, s.PropellantKg],
                cells[..11].Select(c => double.Parse(c, CultureInfo.InvariantCulture)));
            Assert.Equal(s.LrfValid ? "true" : "false", cells[11]);
            Assert.Equal(s.LrfRangeM?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty, cells[12]);
            Assert.Equal(s.LrfLatchedFailed ? "true" : "false", cells[13]);
        }
    }

    [Fact]
    public async Task Run_ResilienceM2Seed3_OutcomeJsonReadsBackAsTheSimulatedOutcomeAndTimeline()
    {
        var expected = DescentSimulator.Run(ScenarioCatalog.Load("resilience-m2"), seed: 3);

        var exit = await _console.InvokeAsync("run", "resilience-m2", "--seed", "3", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "outcome.json")));
        var root = document.RootElement;
        Assert.Equal("descent", root.GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("seed").GetInt32());
        Assert.Equal("vertical_speed", root.GetProperty("outcome").GetProperty("cause").GetString());
        var options = Telemetry.Replay.Output.Json.OutcomeJson.Options;
        Assert.Equal(expected.Outcome, root.GetProperty("outcome").Deserialize<Outcome>(options));
        Assert.Equal(expected.Events, root.GetProperty("timeline").Deserialize<TimelineEvent[]>(options));

        // The CSV's last row is the contact itself.
        var last = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "trajectory.csv")))[^1].Split(',');
        Assert.Equal(expected.Outcome.TimeS, double.Parse(last[0], CultureInfo.InvariantCulture));
        Assert.Equal(0, double.Parse(last[1], CultureInfo.InvariantCulture));
        Assert.Equal(expected.Outcome.VerticalSpeedMps, double.Parse(last[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Run_StreamToAClosedPort_ExitCode2AfterWritingTheFiles()
    {
        var exit = await _console.InvokeAsync("run", "nominal", "--out", _directory.Path, "--stream-to", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.StreamFailed, exit);
        Assert.Contains("error: the stream failed: Unavailable", _console.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "report.html")));
    }

    public void Dispose() => _directory.Dispose();
}
