using Microsoft.Extensions.Configuration;
using Telemetry.Server.Security.Internal;

namespace Telemetry.Server.Tests.Security;

public sealed class ListenEndpointsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:50051", true)]
    [InlineData("http://127.8.9.10:1", true)]
    [InlineData("http://localhost:50051", true)]
    [InlineData("https://[::1]:50051", true)]
    [InlineData("http://0.0.0.0:50051", false)]
    [InlineData("http://[::]:50051", false)]
    [InlineData("http://*:50051", false)]
    [InlineData("http://+:50051", false)]
    [InlineData("http://192.168.1.10:50051", false)]
    [InlineData("http://ingest.example:50051", false)]
    [InlineData("http://localhost.evil:50051", false)]
    public void IsLoopback_Url_OnlyLoopbackAddresses(string url, bool expected)
    {
        Assert.Equal(expected, ListenEndpoints.IsLoopback(url));
    }

    [Fact]
    public void From_OnlyPortSettings_EveryInterface()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["http_ports"] = "8080",
            ["https_ports"] = "8443;9443",
        }).Build();

        Assert.Equal(
            [("http_ports", "http://*:8080"), ("https_ports", "https://*:8443"), ("https_ports", "https://*:9443")],
            ListenEndpoints.From(configuration));
    }

    [Fact]
    public void From_EndpointsAndUrls_EndpointsWin()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:1",
            ["urls"] = "http://0.0.0.0:2",
        }).Build();

        Assert.Equal([("Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:1")], ListenEndpoints.From(configuration));
    }

    [Fact]
    public void From_NothingConfigured_KestrelDefaultOnLocalhost()
    {
        var endpoints = ListenEndpoints.From(new ConfigurationBuilder().Build());

        Assert.True(ListenEndpoints.IsLoopback(Assert.Single(endpoints).Url));
    }
}
