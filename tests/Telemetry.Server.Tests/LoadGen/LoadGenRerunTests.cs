using System.Globalization;
using System.Text.Json;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.LoadGen;

/// <summary>
/// The load generator run again on the same source: a later run (new timestamps, its counter from 1 again) is a
/// sender restart whose every frame is stored; the very same run again is stored already, and says so.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LoadGenRerunTests(InfluxFixture influx)
{
    private const long StartNs = 1_760_000_000_000_000_000;
    private const long LaterNs = StartNs + 3_600_000_000_000;
    private const int Frames = 1000;

    [Fact]
    public async Task LoadGen_RunTwiceOnOneSource_BothRunsStoredAndTheRepeatReportedAsAlreadyStored()
    {
        var db = InfluxFixture.NewDatabaseName("rerun");
        await using var server = await TestServer.StartAsync(influx, db);

        var first = await RunAsync(server, StartNs);
        var later = await RunAsync(server, LaterNs);
        var repeat = await RunAsync(server, LaterNs);

        Assert.Equal((1000L, 0L, 0L), Counts(first));
        Assert.Equal((1000L, 0L, 1L), Counts(later));
        Assert.Equal((0L, 1000L, 0L), Counts(repeat));
        await server.WaitUntilForwardedAsync();
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q), Expected(StartNs).Concat(Expected(LaterNs)));
    }

    private static (long Written, long Duplicate, long Resets) Counts(JsonElement report) =>
        (report.GetProperty("frames_written").GetInt64(), report.GetProperty("frames_duplicate").GetInt64(), report.GetProperty("sequence_resets").GetInt64());

    private static async Task<JsonElement> RunAsync(TestServer server, long startNs)
    {
        using var load = LoadGeneratorProcess.Start(
        [
            "--url", server.Address.ToString(), "--frames", Frames.ToString(CultureInfo.InvariantCulture), "--streams", "1",
            "--batch", "100", "--fields", "2", "--source", "rerun", "--start-ns", startNs.ToString(CultureInfo.InvariantCulture),
            "--max-seconds", "60", "--json",
        ]);
        var stdout = load.StandardOutput.ReadToEndAsync();
        var stderr = load.StandardError.ReadToEndAsync();
        await load.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var text = await stdout;
        Assert.True(load.ExitCode == 0, $"exit {load.ExitCode}: {text} {await stderr}");
        return JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>The frames LoadGen sends: sequence s at start + s µs, field f = s × 0.001 + f.</summary>
    private static IEnumerable<Frame> Expected(long startNs) => Enumerable.Range(1, Frames).Select(s => new Frame
    {
        Source = "rerun/0",
        Measurement = "loadgen",
        TimestampNs = startNs + (s * 1_000L),
        Tags = { new Tag { Key = "vehicle", Value = "loadgen" }, new Tag { Key = "subsystem", Value = "gnc" } },
        Fields =
        {
            new Field { Key = "altitude_m", DoubleValue = (s * 0.001) + 0 },
            new Field { Key = "descent_rate_mps", DoubleValue = (s * 0.001) + 1 },
        },
    });
}
