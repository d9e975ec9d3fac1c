using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telemetry.Benchmarks.Peer;

/// <summary>
/// The peer-write run's InfluxDB stand-in: an HTTP/1.1 server on 127.0.0.1 that reads every request body and answers
/// 204, to <c>/write</c> and <c>/api/v2/write</c> alike. It runs as its own process, so that its CPU is not the writers'.
/// </summary>
internal static class NoContentEndpoint
{
    /// <summary>The command that runs it: <c>endpoint-204 PORT</c>.</summary>
    public const string Verb = "endpoint-204";

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.RunAsync();
    }
}
