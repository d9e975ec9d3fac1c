using Telemetry.Replay.Commands;
using Telemetry.Replay.Tests.Output;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Commands;

public sealed class AscentCampaignCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay-ascent-campaign");
    private readonly TestConsole _console = new();

    [Fact]
    public async Task Sweep_KairosF3WobbleRateLimit_FalseTerminationAtFourAndFlownToOrbitAtFive()
    {
        var exit = await _console.InvokeAsync("sweep", "kairos-f3-wobble", "--afts", "attitude_rate.limit", "--from", "4", "--to", "5", "--step", "1", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "sweep.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(["attitude_rate.limit", "outcome", "judgement", "rule", "termination_time_s", "value", "limit"], rows[0]);
        Assert.Equal(["4", "terminated", "false_termination", "attitude_rate"], rows[1][..4]);
        Assert.Equal(["5", "orbit", "correctly_flown", ""], rows[2][..4]);
        Assert.Contains("rightly for attitude_rate.limit = 5 deg/s, and wrongly for the other 1 value(s)", _console.Output, StringComparison.Ordinal);
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "sweep.png"));
    }

    [Fact]
    public async Task MonteCarlo_NominalWithF2_ReportsBothProbabilitiesCountedFromTheRunsCsv()
    {
        var exit = await _console.InvokeAsync("montecarlo", "kairos-nominal", "--with", "kairos-f2", "--runs", "4", "--seed", "9", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "runs.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["kairos-nominal", "kairos-nominal", "kairos-nominal", "kairos-nominal", "kairos-f2", "kairos-f2", "kairos-f2", "kairos-f2"], rows.Select(r => r[1]));
        var healthy = rows.Count(r => r[10] == "true");
        var falseTerminations = rows.Count(r => r[10] == "true" && r[5].Length > 0);
        var dangerous = rows.Count(r => r[11] == "true");
        var missed = rows.Count(r => r[11] == "true" && r[5].Length == 0);
        Assert.Contains($"({falseTerminations} of {healthy} healthy runs; 95 % Wilson", _console.Output, StringComparison.Ordinal);
        Assert.Contains($"({missed} of {dangerous} dangerous runs; 95 % Wilson", _console.Output, StringComparison.Ordinal);
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "judgements.png"));

        // Per scenario and deciding rule: flight 2's dispersed copies are ended by the limit line, late by design (>= 0 s).
        var rules = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "rules.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(["scenario", "rule", "runs", "false_terminations", "warranted_terminations", "missed_terminations", "mission_lost",
            "correctly_flown", "mean_lateness_s", "max_lateness_s"], rules[0]);
        Assert.Equal(8, rules.Skip(1).Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var row in rows.Where(r => r[5].Length > 0 && r[12].Length > 0))
        {
            Assert.Equal(double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(row[12], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(row[16], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        }
    }

    [Fact]
    public async Task MonteCarlo_TradeOffOverTwoRateLimits_OneCsvRowAndOnePointPerValue()
    {
        var exit = await _console.InvokeAsync(
            "montecarlo", "kairos-f3-wobble", "--runs", "3", "--trade-off", "attitude_rate.limit", "--from", "2", "--to", "8", "--step", "6", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "tradeoff.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2", "3", "3"], rows[1][..3]);
        Assert.Equal(["8", "3", "0"], rows[2][..3]);

        // No run is dangerous: the missed-termination rate is undefined, an empty cell, not 0 in [0, 1].
        Assert.All(rows.Skip(1), r => Assert.Equal(["0", "0", "", "", ""], r[6..11]));
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "tradeoff.png"));
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "tradeoff-by-value.png"));
    }

    [Fact]
    public async Task MonteCarlo_WeightedPopulation_PerFlightRatesAreTheWeightedShares()
    {
        var exit = await _console.InvokeAsync(
            "montecarlo", "kairos-nominal", "--with", "kairos-f3", "--runs", "2", "--seed", "5", "--weights", "3", "1", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var runs = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "runs.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        double Share(string scenario, string judgement) =>
            runs.Count(r => r[1] == scenario && r[4] == judgement) / 2.0;
        var expected = (0.75 * Share("kairos-nominal", "false_termination")) + (0.25 * Share("kairos-f3", "false_termination"));
        var row = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "population.csv")))[1].Split(',');
        Assert.Equal("kairos-nominal kairos-f3", row[0]);
        Assert.Equal(expected, double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        Assert.True(expected >= 0.25, "every kairos-f3 copy is falsely terminated by its channel fault");
        Assert.Contains("Failure population, weighted by prior probability", _console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonteCarlo_GridOverTwoSettings_OneRowPerPairAndTheFrontierIsNotDominated()
    {
        var exit = await _console.InvokeAsync(
            "montecarlo", "kairos-nominal", "--with", "kairos-f2", "--runs", "2", "--seed", "6", "--trade-off", "limit_line.limit", "--from", "-60",
            "--to", "0", "--step", "60", "--grid", "attitude_rate.limit=2:10:8", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "grid.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal([("-60", "2"), ("0", "2"), ("-60", "10"), ("0", "10")], rows.Select(r => (r[0], r[1])));
        static double P(string cell) => double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
        var defined = rows.Where(r => r[4].Length > 0 && r[7].Length > 0).ToList();
        foreach (var front in defined.Where(r => r[8] == "true"))
        {
            Assert.DoesNotContain(defined, q => P(q[4]) <= P(front[4]) && P(q[7]) <= P(front[7]) && (P(q[4]) < P(front[4]) || P(q[7]) < P(front[7])));
        }

        Assert.Contains(defined, r => r[8] == "true");
        RunOutputsTests.AssertNonTrivialPng(Path.Combine(_directory.Path, "frontier.png"));
    }

    [Fact]
    public async Task MonteCarlo_ChannelFaultRateSwept_EveryHealthyRunTerminatedAtRateOneNoneAtZero()
    {
        var exit = await _console.InvokeAsync(
            "montecarlo", "kairos-nominal", "--runs", "3", "--seed", "4", "--trade-off", "channel_fault_probability", "--from", "0", "--to", "1",
            "--step", "1", "--out", _directory.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_directory.Path, "tradeoff.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal("channel_fault_probability", rows[0][0]);
        Assert.Equal("0", rows[1][2]);
        Assert.Equal(rows[2][1], rows[2][2]);
        Assert.NotEqual("0", rows[2][1]);
    }

    [Theory]
    [InlineData("sweep", "kairos-f3", "--afts", "attitude_rate.limt", "--from", "1", "--to", "2", "--step", "1")]
    [InlineData("sweep", "kairos-f3", "--to", "2", "--step", "1")]
    [InlineData("montecarlo", "kairos-f3", "--trade-off", "performance.limit", "--from", "0.8")]
    [InlineData("montecarlo", "kairos-f3", "--with", "kairos-f2", "--weights", "1")]
    [InlineData("montecarlo", "kairos-f3", "--grid", "attitude_rate.limit=1:2:1")]
    [InlineData("montecarlo", "kairos-f3", "--trade-off", "performance.limit", "--from", "0.8", "--to", "0.9", "--step", "0.1", "--grid", "attitude_rate.limit")]
    public async Task AscentCampaign_BadOptions_ExitCode1WithOneLine(params string[] args)
    {
        Assert.Equal(ExitCodes.BadInput, await _console.InvokeAsync([.. args, "--out", _directory.Path]));
        Assert.StartsWith("error: ", _console.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
