using System.Globalization;
using System.Text.Json;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.LoadGen;

/// <summary>
/// <c>--warmup N</c> sends N frames first, under their own measurement and sources, and leaves them out of the
/// report: the report and the measured series hold exactly the measured frames.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LoadGenWarmupTests(InfluxFixture influx)
{
    private const long StartNs = 1_750_000_000_000_000_000;

    [Fact]
    public async Task LoadGen_Warmup_SentFirstUnderItsOwnNameAndNotReported()
    {
        var db = InfluxFixture.NewDatabaseName("warmup");
        await using var server = await TestServer.StartAsync(influx, db);

        using var load = LoadGeneratorProcess.Start(
        [
            "--url", server.Address.ToString(), "--frames", "3000", "--warmup", "1000", "--streams", "2", "--batch", "100",
            "--source", "wu", "--start-ns", StartNs.ToString(CultureInfo.InvariantCulture), "--max-seconds", "60", "--json",
        ]);
        var stdout = load.StandardOutput.ReadToEndAsync();
        var stderr = load.StandardError.ReadToEndAsync();
        await load.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var text = await stdout;
        Assert.True(load.ExitCode == 0, $"exit {load.ExitCode}: {text} {await stderr}");
        Assert.Contains("warming up with 1,000 frames", await stderr, StringComparison.Ordinal);

        var report = JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(3000, report.GetProperty("frames_sent").GetInt64());
        Assert.Equal(3000, report.GetProperty("frames_written").GetInt64());

        await server.WaitUntilForwardedAsync();
        Assert.Equal(
            [("wu/0", 1500L), ("wu/1", 1500L)],
            await SeriesAsync(db, "loadgen"));
        Assert.Equal(
            [("wu-warmup/0", 500L), ("wu-warmup/1", 500L)],
            await SeriesAsync(db, "warmup"));
    }

    /// <summary>Per source: the point count, after checking that its points span exactly that many µs from the start.</summary>
    private async Task<List<(string Source, long Count)>> SeriesAsync(string db, string measurement)
    {
        var rows = await influx.QueryAsync(db,
            $"SELECT COUNT(altitude_m) FROM {measurement} GROUP BY source; " +
            $"SELECT FIRST(altitude_m) FROM {measurement} GROUP BY source; SELECT LAST(altitude_m) FROM {measurement} GROUP BY source");
        var counts = rows.Where(r => r.Values.ContainsKey("count")).ToDictionary(r => r.Tags["source"], r => r.Values["count"].GetInt64());
        foreach (var (source, count) in counts)
        {
            var first = rows.Single(r => r.Values.ContainsKey("first") && r.Tags["source"] == source).Values["time"].GetInt64();
            var last = rows.Single(r => r.Values.ContainsKey("last") && r.Tags["source"] == source).Values["time"].GetInt64();
            // Sequences count from 1, one frame per µs.
            Assert.Equal(StartNs + 1_000, first);
            Assert.Equal(StartNs + (count * 1_000), last);
        }

        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))];
    }
}
