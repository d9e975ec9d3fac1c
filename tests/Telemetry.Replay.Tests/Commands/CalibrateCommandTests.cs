using System.Globalization;
using System.Text.Json;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Descent.Calibration;
using Telemetry.Replay.Commands;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-calibrate");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Calibrate_NoHoldOut_FiguresParametersJsonReportAndScenarioFilesAgreeWithTheLibrary()
    {
        var expected = JointCalibration.Run(CalibrationScenarios.Shipped(), seed: 0, holdOuts: false);
        var scenarios = Path.Combine(_directory.Path, "fitted");

        var exit = await _console.InvokeAsync("calibrate", "--no-hold-out", "--out", _directory.Path, "--scenarios", scenarios);

        Assert.Equal(ExitCodes.Ok, exit);
        var figures = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "figures.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(["id", "mission", "role", "published", "sigma", "unit", "before", "residual_before", "model", "residual", "passes"], figures[0][..11]);
        Assert.Equal(1 + PublicFigures.All.Count, figures.Count);
        var impact = figures.Single(r => r[0] == "m2_impact_speed");
        var expectedImpact = expected.Figures.Single(f => f.Figure.Id == "m2_impact_speed");
        Assert.Equal(["M2", "fitted", "52", "8", "m/s"], impact[1..6]);
        Assert.Equal(expectedImpact.Model!.Value, double.Parse(impact[8], CultureInfo.InvariantCulture));
        Assert.Equal(expectedImpact.Residual!.Value, double.Parse(impact[9], CultureInfo.InvariantCulture));
        Assert.Equal("false", impact[10]);
        Assert.Equal("", impact[11]);

        var parameters = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "parameters.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(["crater_rim_height", "m", "2500", "3500", "3500", "3500", "true"], parameters.Single(r => r[0] == "crater_rim_height"));
        Assert.Equal(["max_thrust", "N", "1400", "1540", "1423", "1423", "false"], parameters.Single(r => r[0] == "max_thrust"));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "calibration.json")));
        Assert.Equal("calibration", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(expected.Cost, json.RootElement.GetProperty("cost").GetDouble());
        var conflict = json.RootElement.GetProperty("conflicts")[0];
        Assert.Equal("m2_rate_at_192_m", conflict.GetProperty("first").GetString());
        Assert.Equal("m2_impact_speed", conflict.GetProperty("second").GetString());

        // The fitted scenario files are the shipped ones, byte for byte as the catalog writes them.
        foreach (var name in JointCalibration.Family)
        {
            var written = await File.ReadAllTextAsync(Path.Combine(scenarios, name + ".json"));
            Assert.Equal(ScenarioCatalog.ToJson(ScenarioCatalog.Load(name)) + "\n", written);
        }

        var html = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "report.html"));
        Assert.Contains("<h2>Fitted figures pulling against each other at the fit</h2>", html, StringComparison.Ordinal);
        Assert.Contains("no thrust makes 52 m/s straight down", _console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave one out", _console.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
