using Grpc.Core;
using Grpc.Health.V1;
using Telemetry.Contracts.V1;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class AuthenticationTests(InfluxFixture influx)
{
    private static readonly Dictionary<string, string?> NoAnonymous = new() { ["Security:AllowAnonymous"] = "false" };

    [Fact]
    public async Task Write_NoCredentialsAnonymousOff_UnauthenticatedNothingStored()
    {
        var (key, keys) = TestKeys.Create("gateway");
        await using var server = await StartAsync("auth_none", keys);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(Frames.Batch(1, "s", 1, 3)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("no credentials: send 'authorization: Bearer <API key>' metadata or a registered client certificate", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
        await AssertKeyStillWritesAsync(server, key);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "the authorization metadata must be 'Bearer <API key>'")]
    [InlineData("Bearer not-a-key", "the bearer token is not an API key of this server (expected tlm_<id>_<secret>)")]
    [InlineData("Bearer tlm_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "API key not recognised")]
    public async Task Write_BadCredentials_UnauthenticatedWithReason(string authorization, string reason)
    {
        var (key, keys) = TestKeys.Create("gateway");
        await using var server = await StartAsync("auth_bad", keys);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(
            Frames.Batch(1, "s", 1, 3), new Metadata { { "authorization", authorization } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(reason, error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
        await AssertKeyStillWritesAsync(server, key);
    }

    [Fact]
    public async Task Write_KeyOfAnotherSecret_Unauthenticated()
    {
        var (key, keys) = TestKeys.Create("gateway");
        await using var server = await StartAsync("auth_secret", keys);
        var forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.WriteAsync(Frames.Batch(1, "s", 1, 3), TestKeys.Bearer(forged)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API key not recognised", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
        await AssertKeyStillWritesAsync(server, key);
    }

    [Fact]
    public async Task Write_ExpiredKey_UnauthenticatedNamingTheExpiry()
    {
        var (key, keys) = TestKeys.Create("old", expiresUtc: new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var (current, currentKeys) = TestKeys.Create("current", expiresUtc: DateTimeOffset.UtcNow.AddHours(1));
        await using var server = await StartAsync("auth_expired", TestKeys.Merge(keys, currentKeys));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.WriteAsync(Frames.Batch(1, "s", 1, 3), TestKeys.Bearer(key)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API key of client 'old' expired at 2026-01-02T03:04:05Z", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
        await AssertKeyStillWritesAsync(server, current);
    }

    [Fact]
    public async Task Write_KeyInScope_StoredWithExactValues()
    {
        var (key, keys) = TestKeys.Create("gnc", sources: ["resilience/*"], measurements: ["descent"],
            expiresUtc: DateTimeOffset.UtcNow.AddDays(1));
        await using var server = await StartAsync("auth_ok", keys);

        var ack = await server.Client.WriteAsync(Frames.Batch(7, "resilience/gnc", 1, 5), TestKeys.Bearer(key));

        Assert.Equal(new BatchAck { BatchId = 7, Accepted = true, WrittenCount = 5, Durability = AckDurability.Spool }, ack);
        await server.WaitUntilForwardedAsync();
        var rows = await influx.QueryAsync(server.Database, "SELECT * FROM descent");
        Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.Values["step"].GetInt64()));
        Assert.All(rows, r => Assert.Equal("resilience/gnc", r.Values["source"].GetString()));
        Assert.Equal(Frames.StartNs + 30_000_000, rows[2].Values["time"].GetInt64());
    }

    [Fact]
    public async Task Write_OneFrameSourceOutOfScope_PermissionDeniedAndNothingOfTheBatchStored()
    {
        var (key, keys) = TestKeys.Create("gnc", sources: ["resilience/*"]);
        await using var server = await StartAsync("auth_scope", keys);
        var batch = Frames.Batch(3, "resilience/gnc", 1, 4);
        batch.Frames[2].Source = "kairos/fts";

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.WriteAsync(batch, TestKeys.Bearer(key)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("batch 3 not written: frame 2: source 'kairos/fts' is outside the scope of client 'gnc' (sources: resilience/*)", error.Status.Detail);
        await server.WaitUntilForwardedAsync();
        Assert.Empty(await influx.QueryAsync(server.Database, "SHOW MEASUREMENTS"));
        await AssertKeyStillWritesAsync(server, key, "resilience/gnc");
    }

    [Fact]
    public async Task Stream_MeasurementOutOfScope_EarlierBatchesAckedStoredThenPermissionDenied()
    {
        var (key, keys) = TestKeys.Create("gnc", measurements: ["descent", "imu_*"]);
        await using var server = await StartAsync("auth_stream_scope", keys);
        using var call = server.Client.Stream(TestKeys.Bearer(key));

        await call.RequestStream.WriteAsync(Frames.Batch(1, "a", 1, 10));
        await call.RequestStream.WriteAsync(Frames.Batch(2, "a", 11, 10, measurement: "imu_x"));
        await call.RequestStream.WriteAsync(Frames.Batch(3, "a", 21, 10, measurement: "lrf"));
        var acks = new List<BatchAck>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var ack in call.ResponseStream.ReadAllAsync())
            {
                acks.Add(ack);
            }
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("batch 3 not written and the stream closed: frame 0: measurement 'lrf' is outside the scope of client 'gnc' (measurements: descent, imu_*)", error.Status.Detail);
        Assert.Equal([(1UL, 10u), (2UL, 10u)], acks.Select(a => (a.BatchId, a.WrittenCount)).Order());
        await server.WaitUntilForwardedAsync();
        Assert.Equal(10, await influx.CountAsync(server.Database, "descent", "step"));
        Assert.Equal(10, await influx.CountAsync(server.Database, "imu_x", "step"));
        Assert.Equal(0, await influx.CountAsync(server.Database, "lrf", "step"));
    }

    [Fact]
    public async Task HealthCheck_NoCredentialsAnonymousOff_Serving()
    {
        var (_, keys) = TestKeys.Create("gateway");
        await using var server = await StartAsync("auth_health", keys);

        var reply = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Write_KeyAndAnonymousBothAllowed_KeyScopeStillApplies()
    {
        var (key, keys) = TestKeys.Create("narrow", sources: ["only/this"]);
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("auth_mixed"), keys);

        var anonymous = await server.Client.WriteAsync(Frames.Batch(1, "any/source", 1, 2));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.WriteAsync(Frames.Batch(2, "any/source", 3, 2), TestKeys.Bearer(key)).ResponseAsync);

        Assert.Equal(2u, anonymous.WrittenCount);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        await server.WaitUntilForwardedAsync();
        Assert.Equal([1L, 2], (await influx.QueryAsync(server.Database, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64()));
    }

    /// <summary>After a refused call, a well-behaved client with a valid key on its own connection still writes.</summary>
    private async Task AssertKeyStillWritesAsync(TestServer server, string key, string source = "good")
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(server.Address);
        var ack = await new IngestService.IngestServiceClient(channel).WriteAsync(Frames.Batch(99, source, 500, 2), TestKeys.Bearer(key));

        Assert.Equal(2u, ack.WrittenCount);
        await server.WaitUntilForwardedAsync();
        var steps = (await influx.QueryAsync(server.Database, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64());
        Assert.Equal([500L, 501], steps);
    }

    private Task<TestServer> StartAsync(string hint, Dictionary<string, string?> keys) =>
        TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName(hint), TestKeys.Merge(NoAnonymous, keys));
}
