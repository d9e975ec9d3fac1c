using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Ingest.Spool;
using Telemetry.Testing;
using IngestClient = Telemetry.Contracts.V1.IngestService.IngestServiceClient;

namespace Telemetry.Server.Tests;

/// <summary>
/// The real ingest server (Kestrel, HTTP/2 cleartext on a free 127.0.0.1 port) writing to the fixture's influxd,
/// each instance with its own database. Stopping it runs the graceful shutdown.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory? _spool;
    private bool _stopped;

    private TestServer(WebApplication app, Uri address, string database, HttpMessageHandler? handler, TempDirectory? spool)
    {
        _app = app;
        _spool = spool;
        Address = address;
        Database = database;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        Client = new IngestClient(Channel);
    }

    public Uri Address { get; }

    public string Database { get; }

    public GrpcChannel Channel { get; }

    public IngestClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="settings"/> override configuration keys (e.g. "Influx:BatchLines").</summary>
    public static Task<TestServer> StartAsync(
        InfluxFixture influx, string database, IReadOnlyDictionary<string, string?>? settings = null,
        TestServerOptions? options = null) =>
        StartAsync(influx.BaseAddress, database, settings, options);

    /// <summary>Starts a server writing to the InfluxDB at <paramref name="influxUrl"/>.</summary>
    public static async Task<TestServer> StartAsync(
        Uri influxUrl, string database, IReadOnlyDictionary<string, string?>? settings = null,
        TestServerOptions? options = null)
    {
        var port = FreePort.Next();
        var address = new Uri($"{(options?.Https == true ? "https" : "http")}://127.0.0.1:{port}");
        var config = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = address.ToString(),
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Ops:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Influx:Url"] = influxUrl.ToString(),
            ["Influx:Database"] = database,
            ["Influx:FlushInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        // Each server spools into its own folder unless the test names one (to restart on the same spool).
        var spool = config.ContainsKey("Spool:Directory") ? null : new TempDirectory("telemetry-spool");
        if (spool is not null)
        {
            config["Spool:Directory"] = spool.Path;
        }
        var app = TelemetryServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            options?.Configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new TestServer(app, address, database, options?.Handler, spool);
    }

    /// <summary>
    /// Waits until InfluxDB has answered for every batch acknowledged so far: at once with Ingest:AckAfter=Database,
    /// else until the spool has forwarded everything (acks then only mean "fsynced to the spool").
    /// </summary>
    public Task WaitUntilForwardedAsync()
    {
        var spool = _app.Services.GetService<SpoolSink>();
        return spool is null ? Task.CompletedTask : Eventually.HoldsAsync(() => spool.IsForwarded, "the spool forwarded every acknowledged batch");
    }

    /// <summary>Runs the graceful shutdown and waits for it to finish.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
        _spool?.Dispose();
    }
}

/// <summary>How a <see cref="TestServer"/> listens and how its channel connects.</summary>
internal sealed record TestServerOptions
{
    /// <summary>Listen on https:// (the settings must name a certificate).</summary>
    public bool Https { get; init; }

    /// <summary>The channel's handler (server-certificate validation, client certificates).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Adjusts the builder after the settings are added (e.g. a capturing logger).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}
