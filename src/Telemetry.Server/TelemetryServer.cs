using System.IO.Compression;
using Grpc.Net.Compression;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Spool;
using Telemetry.Server.Internal;
using Telemetry.Server.Observability;
using Telemetry.Server.Security;
using Telemetry.Server.Services;

namespace Telemetry.Server;

/// <summary>Builds the ingest server: the gRPC service, health, reflection, the pipeline and its sink.</summary>
public static class TelemetryServer
{
    /// <summary>
    /// Creates the application from <paramref name="args"/> (command line, environment, appsettings.json).
    /// <paramref name="configure"/> may adjust the builder before it is built (tests use it for ports and settings).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json ships next to the assembly: find it whatever the working directory is.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        AddServices(builder);

        var app = builder.Build();
        if (app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Sink == IngestSinkKind.Null)
        {
            Log.NullSinkSelected(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelemetryServer)));
        }
        app.UseTelemetrySecurity();
        var maxMessageBytes = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxMessageBytes;
        app.Use(next => GrpcMessageGuard.Middleware(next, maxMessageBytes));
        app.MapGrpcService<IngestGrpcService>().RequireAuthorization(SecurityServices.WriterPolicy);
        // Health stays open to every caller (load balancers and orchestrators probe it without credentials).
        app.MapGrpcHealthChecksService();
        app.MapOps();
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.EnableReflection)
        {
            app.MapGrpcReflectionService().RequireAuthorization(SecurityServices.WriterPolicy);
        }
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var ingest = builder.Configuration.GetSection(IngestOptions.SectionName);
        services.AddOptions<IngestOptions>().Bind(ingest).ValidateDataAnnotations().ValidateOnStart();
        var options = ingest.Get<IngestOptions>() ?? new IngestOptions();

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = options.MaxMessageBytes;
            o.EnableDetailedErrors = false;
            o.CompressionProviders =
            [
                new CheckedCompressionProvider(new GzipCompressionProvider(CompressionLevel.Fastest)),
                new CheckedCompressionProvider(new DeflateCompressionProvider(CompressionLevel.Fastest)),
            ];
        });
        services.AddGrpcReflection();
        services.AddSingleton<Grpc.AspNetCore.Server.Model.IServiceMethodProvider<IngestGrpcService>, IngestWireMethods.Provider>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CallLog>();
        builder.AddTelemetrySecurity();
        builder.AddOps();
        var health = services.AddGrpcHealthChecks(o => o.UseHealthChecksCache = false);

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            return new FrameEncoder(new FrameEncoderOptions { MaxLineBytes = o.MaxLineBytes });
        });
        services.AddSingleton(sp =>
            new IngestLimits(sp.GetRequiredService<IOptions<IngestOptions>>().Value.MaxFramesPerBatch));
        services.AddSequenceTracking(builder.Configuration.GetSection(SequenceOptions.SectionName));
        // Registered before the sink's lifetime service: restored before it starts, saved after it has stopped.
        services.AddHostedService<SequenceSnapshotService>();
        services.AddSingleton<BatchProcessor>();

        if (options.Sink == IngestSinkKind.Null)
        {
            services.AddSingleton<ILineSink, NullLineSink>();
            return;
        }
        services.AddInfluxSink(builder.Configuration.GetSection(InfluxOptions.SectionName));
        health.AddCheck<InfluxHealthCheck>("influx");
        if (options.AckAfter == AckAfter.Database)
        {
            services.AddSingleton<ILineSink>(sp => sp.GetRequiredService<InfluxSink>());
            services.AddHostedService<SinkLifetimeService>();
            return;
        }
        services.AddSpool(builder.Configuration.GetSection(SpoolOptions.SectionName));
        // Acked lines InfluxDB later refuses must land somewhere an operator can act on: beside the spool by default.
        services.AddOptions<InfluxOptions>().PostConfigure<IOptions<SpoolOptions>>((influx, spool) =>
            influx.DeadLetterPath ??= Path.Combine(Path.GetFullPath(spool.Value.Directory), "dead-letters.jsonl"));
        services.AddOptions<SequenceOptions>().PostConfigure<IOptions<SpoolOptions>>((sequences, spool) =>
            sequences.SnapshotPath ??= Path.Combine(Path.GetFullPath(spool.Value.Directory), "sequences.snapshot"));
        services.AddSingleton<ILineSink>(sp => sp.GetRequiredService<SpoolSink>());
        services.AddHostedService<SpoolLifetimeService>();
        health.AddCheck<SpoolHealthCheck>("spool");
    }
}
