using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Telemetry.Server.Tests.LoadGen;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.Observability;

/// <summary>
/// The status page in headless Chromium (Debian's <c>chromium</c>, driven by Playwright) against a real server
/// process under load from the real load generator: the page renders, its total rate matches the load generator's
/// within 10 %, it shows InfluxDB down within 5 s of influxd being killed and up again after its restart.
/// Screenshots are kept in <c>artifacts/</c> beside the test assembly.
/// </summary>
public sealed partial class StatusPageBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const double Rate = 8_000;

    [Fact]
    public async Task StatusPage_UnderLoadAndThroughAnInfluxOutage_ShowsTheRateAndTheOutage()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: the browser test needs `apt-get install -y chromium` (as root).");
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-status-spool");
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "status", spool.Path);
        var progress = new LoadProgress();
        using var load = StartLoadGenerator(server.Address, frames: (long)(Rate * 26), progress);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            ChromiumSandbox = false,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(server.OpsAddress.ToString());
        Assert.Equal("Telemetry ingest status", await page.TitleAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('#influx-state').dataset.state === 'up'");

        // The rate shown over the page's 5 s window against the load generator's own count over its last 5 s.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var samples = new List<(double Shown, double Reported)>();
        for (var i = 0; i < 4; i++)
        {
            var shownRate = double.Parse(await page.GetAttributeAsync("#total-rate", "data-value") ?? "0", CultureInfo.InvariantCulture);
            samples.Add((shownRate, progress.RateOverLast(5)));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var sources = await page.Locator("#rates-by-source tbody tr").CountAsync();
        Assert.Equal(2, sources);
        await Screenshot(page, "status-page-under-load.png");

        // The outage: influxd killed; the page must say so within 5 s.
        await influx.KillAsync();
        var killed = Stopwatch.StartNew();
        await page.WaitForFunctionAsync("() => document.querySelector('#influx-state').dataset.state === 'down'", null,
            new PageWaitForFunctionOptions { Timeout = 5_000 });
        output.WriteLine($"outage shown {killed.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.Contains("InfluxDB not answering for", await page.TextContentAsync("#influx-state"), StringComparison.Ordinal);
        await Screenshot(page, "status-page-influx-down.png");

        await influx.RestartAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#influx-state').dataset.state === 'up'", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        await Screenshot(page, "status-page-recovered.png");

        var report = await FinishAsync(load, progress);
        output.WriteLine("page / load generator frames/s: " + string.Join(", ", samples.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Shown:0}/{x.Reported:0}"))));
        Assert.Equal(report.GetProperty("frames_sent").GetInt64(), report.GetProperty("frames_written").GetInt64());
        Assert.All(samples, x => Assert.InRange(x.Shown, x.Reported * 0.9, x.Reported * 1.1));

        // The tiles say what /status.json says: duplicates / gaps / restarts, and dead letters.
        using var http = new HttpClient { BaseAddress = server.OpsAddress };
        using var status = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/status.json"));
        var root = status.RootElement;
        var expected = string.Join(" / ", new[] { "duplicates", "gaps", "resets" }.Select(k => root.GetProperty(k).GetInt64().ToString("N0", CultureInfo.InvariantCulture)));
        await page.WaitForFunctionAsync($"() => document.querySelector('#sequences').textContent === '{expected}'", null,
            new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal(root.GetProperty("influx").GetProperty("deadLetters").GetInt64().ToString("N0", CultureInfo.InvariantCulture),
            await page.TextContentAsync("#dead-letters"));
    }

    private async Task Screenshot(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>The load generator built beside this test assembly's configuration, paced at <see cref="Rate"/> over two streams.</summary>
    private static Process StartLoadGenerator(Uri server, long frames, LoadProgress progress)
    {
        var process = LoadGeneratorProcess.Start(
        [
            "--url", server.ToString(), "--frames", frames.ToString(CultureInfo.InvariantCulture), "--rate", Rate.ToString(CultureInfo.InvariantCulture),
            "--streams", "2", "--batch", "200", "--source", "status", "--max-seconds", "60", "--json",
        ]);
        process.ErrorDataReceived += (_, e) => progress.Add(e.Data);
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<JsonElement> FinishAsync(Process load, LoadProgress progress)
    {
        var stdout = load.StandardOutput.ReadToEndAsync();
        await load.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var text = await stdout;
        Assert.True(load.ExitCode == 0, $"load generator exit {load.ExitCode}: {text} {progress}");
        return JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>The load generator's once-a-second progress lines ("  12.0 s  sent 96,000  written ..."), parsed.</summary>
    private sealed partial class LoadProgress
    {
        private readonly List<(double Seconds, long Sent)> _points = [];
        private readonly List<string> _lines = [];

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_points)
            {
                _lines.Add(line);
                if (ProgressLine().Match(line) is { Success: true } m)
                {
                    _points.Add((double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                        long.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
                }
            }
        }

        /// <summary>Frames sent per second between the latest progress line and the one <paramref name="seconds"/> before it.</summary>
        public double RateOverLast(double seconds)
        {
            lock (_points)
            {
                Assert.True(_points.Count >= 2, "the load generator reported no progress yet");
                var last = _points[^1];
                var first = _points.LastOrDefault(p => last.Seconds - p.Seconds >= seconds - 0.05, _points[0]);
                return (last.Sent - first.Sent) / (last.Seconds - first.Seconds);
            }
        }

        public override string ToString()
        {
            lock (_points)
            {
                return string.Join('\n', _lines);
            }
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([0-9.]+) s\s+sent\s+([0-9,]+)")]
        private static partial System.Text.RegularExpressions.Regex ProgressLine();
    }
}
