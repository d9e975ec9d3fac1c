using System.Diagnostics;
using System.Text.Json;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// influxd frozen with SIGSTOP (its socket open, nothing answering): /readyz and the status page say "not answering"
/// within 5 s, long before the request timeout, counted from the first unanswered request.
/// </summary>
public sealed class InfluxFrozenReadinessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Readyz_InfluxFrozen_SaysNotAnsweringWithinFiveSecondsThenHealthyAgain()
    {
        using var spool = new TempDirectory("telemetry-frozen-spool");
        await using var run = await FaultRun.StartAsync("frozen", spool.Path, settings: new Dictionary<string, string>
        {
            ["Influx:RequestTimeout"] = "00:00:30",
        });
        await run.AckedMoreAsync(40, "acks before the freeze");

        await run.Influx.PauseAsync();
        var frozen = Stopwatch.StartNew();
        string readiness = "";
        await Eventually.HoldsAsync(async () => (readiness = (await run.OpsAsync("/readyz")).Body).Contains("InfluxDB not answering for", StringComparison.Ordinal),
            () => $"/readyz says InfluxDB is not answering (last: {readiness})");
        var shownAfter = frozen.Elapsed;
        var status = JsonDocument.Parse((await run.OpsAsync("/status.json")).Body).RootElement.GetProperty("influx");
        output.WriteLine($"/readyz said it {shownAfter.TotalSeconds:0.0} s after SIGSTOP: {readiness}");

        Assert.InRange(shownAfter, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.False(status.GetProperty("up").GetBoolean());
        Assert.StartsWith("no answer to a write request for ", status.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.InRange(status.GetProperty("failingForS").GetDouble(), 2.5, 30);
        // The spool keeps acknowledging meanwhile.
        await run.AckedMoreAsync(40, "acks while InfluxDB is frozen");

        await run.Influx.ResumeAsync();
        await Eventually.HoldsAsync(async () => (await run.OpsAsync("/readyz")).Body.Contains("writing to InfluxDB", StringComparison.Ordinal),
            () => "InfluxDB answering again");
        await run.StopStreamingAsync();
        await run.AssertEveryAckStoredAsync();
    }
}
