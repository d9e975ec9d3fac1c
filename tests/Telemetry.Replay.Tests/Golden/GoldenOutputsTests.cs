using System.Security.Cryptography;
using Telemetry.Replay.Commands;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Golden;

/// <summary>
/// The replay's CSV and JSON outputs, byte for byte, against hashes recorded before the simulation restructure
/// (Golden/outputs.sha256): every shipped scenario's <c>run</c>, and a small Monte Carlo, trade-off, sweep and
/// sensitivity campaign of each vehicle. The commands are those of tools/golden-outputs.sh.
/// </summary>
public sealed class GoldenOutputsTests : IDisposable
{
    private static readonly Dictionary<string, string> Expected = ReadExpected();

    private readonly TempDirectory _directory = new("replay-golden");

    public static TheoryData<string> ShippedScenarios =>
    [
        "nominal", "resilience-m2", "hakuto-r-m1", "lrf-disabled", "resilience-m2-inertial-start", "hakuto-r-m1-readmit",
        "lrf-disabled-silent-check", "slim",
        "kairos-nominal", "kairos-f1", "kairos-f1-underperformance", "kairos-f2", "kairos-f3", "kairos-f3-wobble", "kairos-f3-continue",
    ];

    public static TheoryData<string, string[]> Campaigns => new()
    {
        { "mc/resilience-m2", ["montecarlo", "resilience-m2", "--runs", "200", "--seed", "3"] },
        { "mc/kairos", ["montecarlo", "kairos-nominal", "--with", "kairos-f2", "--with", "kairos-f3", "--runs", "40", "--seed", "1"] },
        {
            "mc/kairos-to",
            ["montecarlo", "kairos-nominal", "--with", "kairos-f3-wobble", "--runs", "20", "--seed", "2", "--trade-off", "attitude_rate.limit",
             "--from", "2", "--to", "8", "--step", "2"]
        },
        { "sweep/lrf", ["sweep", "lrf-disabled", "--delay-from", "0", "--to", "20", "--step", "5"] },
        { "sweep/kairos", ["sweep", "kairos-f3-wobble", "--afts", "attitude_rate.limit", "--from", "3", "--to", "8", "--step", "1"] },
        { "sens/resilience-m2", ["sensitivity", "resilience-m2", "--samples", "20"] },
    };

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task Run_ShippedScenario_WritesTheRecordedBytes(string scenario) =>
        await AssertRecorded("run/" + scenario, ["run", scenario]);

    [Theory]
    [MemberData(nameof(Campaigns))]
    public async Task Campaign_WritesTheRecordedBytes(string name, string[] args) => await AssertRecorded(name, args);

    public void Dispose() => _directory.Dispose();

    private async Task AssertRecorded(string name, string[] args)
    {
        var expected = Expected.Where(e => e.Key.StartsWith(name + "/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(expected);
        var output = Path.Combine(_directory.Path, name);

        var exit = await new TestConsole().InvokeAsync([.. args, "--out", output]);

        Assert.Equal(ExitCodes.Ok, exit);
        foreach (var (file, hash) in expected)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_directory.Path, file));
            Assert.True(hash == Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{file} differs from the recorded output.");
        }
    }

    private static Dictionary<string, string> ReadExpected()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", "outputs.sha256"));
        return lines.Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
    }
}
