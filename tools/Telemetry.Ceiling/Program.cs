using System.IO.Compression;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Telemetry.Ceiling;

// The server's appsettings.json (copied beside this assembly) gives the gRPC endpoint's protocols, Kestrel's limits
// and the message size, so that "server / ceiling" compares the same transport. Its URL is overridden with --url.
var server = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "server-appsettings.json"), optional: false)
    .Build();
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var url = new Uri(builder.Configuration["url"] ?? server["Kestrel:Endpoints:Grpc:Url"]!);
var protocols = Enum.Parse<HttpProtocols>(server["Kestrel:Endpoints:Grpc:Protocols"]!);
var limits = server.GetSection("Limits");
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.RequestHeadersTimeout = limits.GetValue<TimeSpan>("HeadersTimeout");
    kestrel.Limits.KeepAliveTimeout = limits.GetValue<TimeSpan>("IdleTimeout");
    kestrel.Limits.Http2.MaxStreamsPerConnection = limits.GetValue<int>("MaxStreamsPerConnection");
    kestrel.Limits.Http2.KeepAlivePingDelay = limits.GetValue<TimeSpan>("KeepAlivePingDelay");
    kestrel.Limits.Http2.KeepAlivePingTimeout = limits.GetValue<TimeSpan>("KeepAlivePingTimeout");
    kestrel.Listen(System.Net.IPAddress.Parse(url.Host), url.Port, listen => listen.Protocols = protocols);
});
builder.Services.AddGrpc(o =>
{
    o.MaxReceiveMessageSize = server.GetValue<int>("Ingest:MaxMessageBytes");
    o.EnableDetailedErrors = false;
    o.CompressionProviders =
    [
        new GzipCompressionProvider(CompressionLevel.Fastest),
        new DeflateCompressionProvider(CompressionLevel.Fastest),
    ];
});
var app = builder.Build();
app.MapGrpcService<CeilingService>();
await app.RunAsync();
