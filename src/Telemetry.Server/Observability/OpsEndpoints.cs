using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;
using Telemetry.Server.Security;
using Telemetry.Server.Security.Internal;

namespace Telemetry.Server.Observability;

/// <summary>
/// The operations endpoints, served only on the <c>Kestrel:Endpoints:Ops</c> listener (HTTP/1.1; default
/// 127.0.0.1:9091): <c>/healthz</c> (liveness), <c>/readyz</c> (readiness), <c>/metrics</c> (Prometheus),
/// <c>/status.json</c> and the status page at <c>/</c>.
/// </summary>
public static class OpsEndpoints
{
    /// <summary>The configuration key of the operations listener's URL.</summary>
    public const string UrlSetting = "Kestrel:Endpoints:Ops:Url";

    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Registers the metrics, the status snapshot source and the options.</summary>
    public static void AddOps(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObservabilityOptions>().Bind(builder.Configuration.GetSection(ObservabilityOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ServerMetrics>();

        // The runtime's figures come through its System.Runtime meter; its EventCounters would be a second copy.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressDebugMetrics = true });

        // Export only our meters and the runtime's, so that framework meters cannot add series nobody asked for.
        Metrics.ConfigureMeterAdapter(o =>
        {
            o.InstrumentFilterPredicate = instrument =>
                instrument.Meter.Name is ServerMetrics.MeterName or Telemetry.Ingest.Diagnostics.IngestMeter.Name or "System.Runtime";
            // Sub-millisecond to seconds: the spool acks in about a millisecond, InfluxDB answers in tens.
            o.ResolveHistogramBuckets = _ => LatencyBuckets;
        });
    }

    /// <summary>
    /// Maps the endpoints onto the operations listener. Liveness and readiness are open to every caller (probes carry
    /// no credentials); metrics and the status page follow the write policy, so beyond loopback they need credentials.
    /// </summary>
    public static void MapOps(this WebApplication app)
    {
        var url = app.Configuration[UrlSetting];
        if (string.IsNullOrEmpty(url))
        {
            // No operations listener configured (a host that binds only gRPC): nothing to map.
            return;
        }

        var port = new Uri(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)).Port;
        // By the port the connection came in on, not by the Host header (a client chooses that): an HTTP/2 client on
        // the gRPC port naming the operations port in :authority must not reach the metrics or the status page.
        app.Use(next => context =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<OpsOnly>() is not null && context.Connection.LocalPort != port)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        // prometheus-net connects its adapter to System.Diagnostics.Metrics at the first collection (its issue #487),
        // and measurements before that are lost: collect once now, before the first batch can arrive.
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        app.MapGet("/healthz", () => Results.Text("ok\n")).WithMetadata(OpsOnly.Instance);
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReadinessAsync,
        }).WithMetadata(OpsOnly.Instance);
        var exposed = !ListenEndpoints.IsLoopback(url);
        var guarded = new[]
        {
            app.MapMetrics("/metrics").WithMetadata(OpsOnly.Instance),
            app.MapGet("/status.json", () => Results.Json(metrics.Snapshot(), Json)).WithMetadata(OpsOnly.Instance),
            MapFile(app, "/", "index.html", "text/html; charset=utf-8").WithMetadata(OpsOnly.Instance),
            MapFile(app, "/status.css", "status.css", "text/css; charset=utf-8").WithMetadata(OpsOnly.Instance),
            MapFile(app, "/status.js", "status.js", "text/javascript; charset=utf-8").WithMetadata(OpsOnly.Instance),
        };
        if (exposed)
        {
            foreach (var endpoint in guarded)
            {
                endpoint.RequireAuthorization(SecurityServices.WriterPolicy);
            }
        }
    }

    /// <summary>Marks an endpoint served only on the operations listener.</summary>
    private sealed class OpsOnly
    {
        public static readonly OpsOnly Instance = new();
    }

    private static IEndpointConventionBuilder MapFile(WebApplication app, string route, string file, string contentType)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "StatusPage", file);
        return app.MapGet(route, () => Results.File(path, contentType));
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
