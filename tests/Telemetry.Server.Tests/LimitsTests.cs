using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Server.Security.Internal;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class LimitsTests(InfluxFixture influx)
{
    [Fact]
    public async Task Connect_IdleConnectionsPastTheLimit_RefusedThenClosedAndAWellBehavedClientWrites()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("idle"), new Dictionary<string, string?>
        {
            ["Limits:MaxConnections"] = "20",
            ["Limits:IdleTimeout"] = "00:00:03",
        });
        using var idle = await IdleSockets.OpenAsync(server.Address, 25, sendPreface: false);

        await Eventually.HoldsAsync(() => idle.CountOpen() == 20, "20 of 25 idle connections accepted");
        await Eventually.HoldsAsync(() => idle.CountOpen() == 0, "idle connections closed after the idle timeout");
        var ack = await server.Client.WriteAsync(Frames.Batch(1, "good", 1, 5));

        Assert.Equal(5u, ack.WrittenCount);
        await server.WaitUntilForwardedAsync();
        Assert.Equal(5, await influx.CountAsync(server.Database, "descent", "step"));
    }

    [Fact]
    public async Task Connect_MoreThanPerAddressLimit_ExtraClosedAtOnce()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("per_address"), new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerAddress"] = "6",
        });
        using var idle = await IdleSockets.OpenAsync(server.Address, 10, sendPreface: true);

        await Eventually.HoldsAsync(() => idle.CountOpen() == 6, "6 of 10 connections from 127.0.0.1 kept");
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(Frames.Batch(1, "good", 1, 2)).ResponseAsync);
        idle.Dispose();
        await Eventually.HoldsAsync(() => TryWriteAsync(server, Frames.Batch(2, "good", 3, 2)), () => "a new client writes once the idle ones are gone");

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        await server.WaitUntilForwardedAsync();
        Assert.Equal([3L, 4], (await influx.QueryAsync(server.Database, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64()));
    }

    private static async Task<bool> TryWriteAsync(TestServer server, FrameBatch batch)
    {
        try
        {
            return (await server.Client.WriteAsync(batch)).WrittenCount == (uint)batch.Frames.Count;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return false;
        }
    }

    [Fact]
    public async Task Write_CallRateOverTheLimit_ResourceExhaustedWithRetryPushback()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("rate"), new Dictionary<string, string?>
        {
            ["Limits:CallsPerSecondPerClient"] = "1",
            ["Limits:CallBurstPerClient"] = "2",
        });

        // The burst of 2 goes through; calls after it fail until a token comes back (one a second). Sent in a loop,
        // so that a slow machine that earns a token meanwhile does not make the test fail.
        RpcException? error = null;
        var written = new List<long>();
        for (var step = 1; step <= 20 && error is null; step++)
        {
            try
            {
                await server.Client.WriteAsync(Frames.Batch((ulong)step, "s", (ulong)step, 1));
                written.Add(step);
            }
            catch (RpcException e)
            {
                error = e;
            }
        }

        Assert.NotNull(error);
        Assert.InRange(written.Count, 2, 19);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.StartsWith("client 'anonymous@127.0.0.1' started more than 1 calls/s (burst 2; Limits:CallsPerSecondPerClient); retry after ", error.Status.Detail, StringComparison.Ordinal);
        var pushback = long.Parse(error.Trailers.GetValue("grpc-retry-pushback-ms")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pushback, 1, 1000);
        await server.WaitUntilForwardedAsync();
        Assert.Equal(written, (await influx.QueryAsync(server.Database, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64()));
    }

    [Fact]
    public async Task Stream_ConcurrentCallsOverTheLimit_ResourceExhaustedWhileOtherKeysAndEndedCallsAreFree()
    {
        var (a, keysA) = TestKeys.Create("a");
        var (b, keysB) = TestKeys.Create("b");
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("concurrency"),
            TestKeys.Merge(keysA, keysB, new Dictionary<string, string?> { ["Limits:ConcurrentCallsPerClient"] = "2" }));
        using var first = await OpenStreamAsync(server, a, 1);
        using var second = await OpenStreamAsync(server, a, 2);

        using var third = server.Client.Stream(TestKeys.Bearer(a));
        var error = await Assert.ThrowsAsync<RpcException>(() => third.ResponseStream.MoveNext(CancellationToken.None));
        using var otherKey = await OpenStreamAsync(server, b, 3);
        await first.RequestStream.CompleteAsync();
        Assert.False(await first.ResponseStream.MoveNext(CancellationToken.None));
        using var afterOneEnded = await OpenStreamAsync(server, a, 4);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("client 'a' already has 2 calls open (Limits:ConcurrentCallsPerClient); retry when one ends", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Equal([1L, 2, 3, 4], (await influx.QueryAsync(server.Database, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64()));
    }

    [Theory]
    [InlineData("Limits:IdleTimeout", "00:00:00", "IdleTimeout")]
    [InlineData("Limits:MaxConnections", "0", "MaxConnections")]
    [InlineData("Limits:CallsPerSecondPerClient", "-1", "CallsPerSecondPerClient")]
    [InlineData("Limits:MaxStreamsPerConnection", "many", "Limits:MaxStreamsPerConnection")]
    public async Task Build_InvalidLimit_StartFailsNamingIt(string key, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20_000, 512, 4096)]
    [InlineData(1024, 512, 512)]
    [InlineData(256, 512, 16)]
    public void DeriveMaxConnections_OpenFileLimit_LeavesTheReserve(long openFiles, int reserved, int expected)
    {
        Assert.Equal(expected, OpenFileLimit.DeriveMaxConnections(openFiles, reserved));
    }

    [Fact]
    public void Current_OnLinux_ReadsTheProcessLimit()
    {
        var limits = File.ReadAllText("/proc/self/limits");

        Assert.Contains($"Max open files            {OpenFileLimit.Current()}", limits, StringComparison.Ordinal);
    }

    private static async Task<AsyncDuplexStreamingCall<FrameBatch, BatchAck>> OpenStreamAsync(TestServer server, string key, ulong step)
    {
        var call = server.Client.Stream(TestKeys.Bearer(key));
        await call.RequestStream.WriteAsync(Frames.Batch(step, "s", step, 1));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(1u, call.ResponseStream.Current.WrittenCount);
        return call;
    }
}
