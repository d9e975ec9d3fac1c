using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

[Collection(InfluxCollection.Name)]
public sealed class HostTests(InfluxFixture influx)
{
    [Fact]
    public async Task HealthCheck_RunningServer_Serving()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("health"));

        var reply = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_EnabledListServices_IncludesIngestHealthAndReflection()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("reflection"),
            new Dictionary<string, string?> { ["Security:EnableReflection"] = "true" });
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Order().ToArray();
        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "telemetry.v1.IngestService"],
            names);
    }

    [Fact]
    public async Task Reflection_ByDefault_Unimplemented()
    {
        await using var server = await TestServer.StartAsync(influx, InfluxFixture.NewDatabaseName("no_reflection"));
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Theory]
    [InlineData("Ingest:Sink", "2", "Sink")]
    [InlineData("Ingest:Sink", "Nul", "Ingest:Sink")]
    [InlineData("Ingest:MaxRejectionsPerAck", "5000", "MaxRejectionsPerAck")]
    public async Task Build_InvalidIngestSetting_StartFailsNamingIt(string key, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_InvalidIngestOption_StartFailsNamingTheOption()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(influx, "unused",
            new Dictionary<string, string?> { ["Ingest:MaxFramesPerBatch"] = "0" }));

        Assert.Contains("MaxFramesPerBatch", error.Message, StringComparison.Ordinal);
    }
}
