using System.Text.Json;
using System.Text.RegularExpressions;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.Observability;

/// <summary>The real server's log lines carry a UTC timestamp, in the plain format and in JSON.</summary>
public sealed partial class LogFormatTests
{
    [Fact]
    public async Task Logs_PlainFormat_EachMessageStartsWithAUtcTimestamp()
    {
        var output = await StartupOutputAsync();

        var first = output.Split('\n').First(l => l.Contains("info:", StringComparison.Ordinal));
        Assert.Matches(PlainLine(), first);
    }

    [Fact]
    public async Task Logs_JsonFormat_EachObjectHasATimestamp()
    {
        var output = await StartupOutputAsync(("Logging:Console:FormatterName", "json"));

        var first = output.Split('\n').First(l => l.StartsWith('{'));
        using var line = JsonDocument.Parse(first);
        Assert.Matches(Timestamp(), line.RootElement.GetProperty("Timestamp").GetString());
    }

    private static async Task<string> StartupOutputAsync(params (string Key, string Value)[] settings)
    {
        await using var influx = await InfluxProcess.StartAsync();
        using var spool = new TempDirectory("telemetry-logs");
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        all["Logging:LogLevel:Default"] = "Information";
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, "logs", spool.Path, all);
        return server.Output;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: ")]
    private static partial Regex PlainLine();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z $")]
    private static partial Regex Timestamp();
}
