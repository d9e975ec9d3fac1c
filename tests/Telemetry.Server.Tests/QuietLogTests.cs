using Grpc.Core;
using Microsoft.Extensions.Logging;
using Telemetry.Server.Tests.Hostile;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class QuietLogTests(InfluxFixture influx)
{
    [Fact]
    public async Task Calls_HundredsOfMalformedUnauthenticatedAndShortStreams_FewLinesNoStackTraceNoKey()
    {
        var logs = new CapturedLogs();
        var (key, keys) = TestKeys.Create("gateway");
        var (wrongKey, _) = TestKeys.Create("other");
        var settings = TestKeys.Merge(keys, new Dictionary<string, string?>
        {
            ["Security:AllowAnonymous"] = "false",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Grpc"] = "Warning",
            ["Limits:CallBurstPerClient"] = "100000",
        });
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("quiet"), settings,
            new TestServerOptions { Configure = b => b.Logging.AddProvider(logs) });
        var bearer = new Dictionary<string, string> { ["authorization"] = $"Bearer {key}" };
        var started = DateTime.UtcNow;

        for (var i = 0; i < 300; i++)
        {
            var (body, headers) = (i % 3) switch
            {
                0 => (RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), bearer),
                1 => (RawGrpc.Frame([1, 2, 3], length: 0xFFFFFFFF), bearer),
                _ => (RawGrpc.Frame(Frames.Batch(1, "s", 1, 1)), new Dictionary<string, string> { ["authorization"] = $"Bearer {wrongKey}" }),
            };
            var result = await RawGrpc.CallAsync(server.Address, i % 2 == 0 ? RawGrpc.Write : RawGrpc.Stream, body, headers);
            Assert.NotEqual(0, result.Grpc);
        }
        for (var i = 0; i < 100; i++)
        {
            using var stream = server.Client.Stream(TestKeys.Bearer(key));
            await stream.RequestStream.CompleteAsync();
            Assert.Empty(await stream.ResponseStream.ReadAllAsync().ToListAsync());
        }
        var ack = await server.Client.WriteAsync(Frames.Batch(1, "s", 1, 2), TestKeys.Bearer(key));
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        Assert.Equal(2u, ack.WrittenCount);
        var entries = logs.Entries.ToArray();
        var refused = entries.Where(e => e.EventId == 1006).ToArray();
        Assert.All(entries, e => Assert.Null(e.Exception));
        Assert.All(entries, e => Assert.True(e.Level < LogLevel.Error, $"{e.Level} {e.Category}: {e.Message}"));
        Assert.InRange(refused.Length, 1, (int)((Math.Ceiling(seconds) + 1) * 10));
        Assert.InRange(entries.Count(e => e.EventId == 1000), 1, (int)((Math.Ceiling(seconds) + 1) * 10));
        Assert.Contains(refused, e => e.Message.Contains("Unauthenticated: API key not recognised", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains(key[10..], StringComparison.Ordinal) || e.Message.Contains(wrongKey[10..], StringComparison.Ordinal));
        Assert.InRange(entries.Sum(e => e.Message.Length), 1, 64 * 1024);
    }
}
