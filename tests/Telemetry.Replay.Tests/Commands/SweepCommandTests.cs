using System.Globalization;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Commands;
using Telemetry.Replay.Tests.Output;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class SweepCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-sweep");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Sweep_ResilienceFirstValidAltitude_NamesTheCriticalValueTheCsvShows()
    {
        var exit = await _console.InvokeAsync(
            "sweep", "resilience-m2", "--first-valid-altitude-from", "3000", "--to", "300", "--step", "300", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "sweep.csv"))).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (Altitude: double.Parse(cells[0], CultureInfo.InvariantCulture), Safe: cells[3] == "true", Cause: cells[2]))
            .ToList();
        Assert.Equal([3000.0, 2700, 2400, 2100, 1800, 1500, 1200, 900, 600, 300], rows.Select(r => r.Altitude));
        // The premise: an LRF valid from 3 km lands; one valid only below 900 m does not.
        Assert.True(rows[0].Safe);
        Assert.False(rows[7].Safe);
        Assert.All(rows, r => Assert.Equal(r.Safe ? "none" : "vertical_speed", r.Cause));
        var safePrefix = rows.TakeWhile(r => r.Safe).ToList();
        var critical = safePrefix[^1].Altitude;
        var firstUnsafe = rows[safePrefix.Count].Altitude;
        Assert.Contains(
            $"Critical LRF first-valid altitude: {critical:F1} m, the lowest that still lands safely; {firstUnsafe:F1} m fails.",
            _console.Output,
            StringComparison.Ordinal);
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "sweep.png"));
        var html = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "report.html"));
        Assert.Contains($"Critical LRF first-valid altitude: {critical:F1} m", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Applier_Delay_ClearsTheAltitudeFaultAndCountsFromTheUnfaultedLandingBurnStart()
    {
        var resilience = ScenarioCatalog.Load("resilience-m2");
        var clean = resilience with { Lrf = resilience.Lrf with { FirstValidBelowAltitudeM = null } };
        var landingBurnStart = DescentSimulator.Run(clean, 0, recordEvery: 1).Trajectory.First(s => s.Phase == GuidancePhase.LandingBurn).TimeS;

        var apply = SweepParameter.FirstValidDelay.Applier(resilience, seed: 0);

        Assert.Null(apply(0).Lrf.FirstValidBelowAltitudeM);
        Assert.Equal(landingBurnStart, apply(0).Lrf.FirstValidAfterS);
        Assert.Equal(landingBurnStart + 12.5, apply(12.5).Lrf.FirstValidAfterS);
    }

    public void Dispose() => _directory.Dispose();
}
