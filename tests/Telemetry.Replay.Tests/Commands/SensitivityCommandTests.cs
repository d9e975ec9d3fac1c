using System.Globalization;
using System.Text.Json;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Replay.Commands;
using Telemetry.Replay.Tests.Output;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class SensitivityCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-sensitivity");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Sensitivity_Resilience8Samples_CsvsJsonTornadoPlotsAndReportAgreeWithTheLibrary()
    {
        var expected = SensitivityAnalysis.Run(ScenarioCatalog.Load("resilience-m2"), samples: 8, seed: 2);

        var exit = await _console.InvokeAsync("sensitivity", "resilience-m2", "--samples", "8", "--seed", "2", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var oat = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "one-at-a-time.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(["parameter", "end", "value", .. SensitivityFigures.All.Select(SensitivityFigures.Id)], oat[0]);
        Assert.Equal(2 + (2 * expected.Parameters.Count), oat.Count);
        Assert.Equal(["max_thrust", "low", "1400"], oat[2][..3]);
        Assert.Equal(expected.OneAtATime[0].AtLow[0], double.Parse(oat[2][3], CultureInfo.InvariantCulture));
        var lhs = await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "latin-hypercube.csv"));
        Assert.Equal(9, lhs.Length);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "sensitivity.json")));
        Assert.Equal("sensitivity", json.RootElement.GetProperty("kind").GetString());
        var contact = json.RootElement.GetProperty("figures")[0];
        Assert.Equal("contact_speed_mps", contact.GetProperty("id").GetString());
        Assert.Equal(
            expected.Tornado(SensitivityFigure.ContactSpeed).Select(b => b.Parameter.Name),
            contact.GetProperty("tornado").EnumerateArray().Select(b => b.GetProperty("parameter").GetString()));

        foreach (var figure in SensitivityFigures.All.Where(f => expected.Tornado(f).Count > 0))
        {
            RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, $"tornado-{SensitivityFigures.Id(figure).Replace('_', '-')}.png"));
        }

        // Resilience never runs out of propellant: that figure has no tornado, and the report says so by leaving it out.
        Assert.False(File.Exists(Path.Combine(_directory.Path, "tornado-propellant-out-altitude-m.png")));
        var html = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "report.html"));
        Assert.Contains("<h2>Sensitivity</h2>", html, StringComparison.Ordinal);
        var baseline = expected.Baseline[(int)SensitivityFigure.ContactSpeed]!.Value.ToString("F2", CultureInfo.InvariantCulture);
        Assert.Contains($"contact vertical speed (m/s), baseline {baseline}: one parameter at a time, widest swing first", html, StringComparison.Ordinal);
        Assert.Contains("all parameters together, 8 Latin-hypercube runs", _console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitivity_AscentScenario_ExitCode1NamingTheAlternative()
    {
        var exit = await _console.InvokeAsync("sensitivity", "kairos-f3", "--out", _directory.Path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("sensitivity covers descent scenarios", _console.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
