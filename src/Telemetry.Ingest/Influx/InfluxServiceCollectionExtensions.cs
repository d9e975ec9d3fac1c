using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx.Internal;

namespace Telemetry.Ingest.Influx;

/// <summary>Registers the InfluxDB sink.</summary>
public static class InfluxServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> the sink uses (see <see cref="IHttpClientFactory"/>).</summary>
    public const string HttpClientName = "Telemetry.Influx";

    /// <summary>
    /// Binds <see cref="InfluxOptions"/> from <paramref name="section"/> (validated at start), registers the HTTP
    /// client and <see cref="InfluxSink"/> as a singleton. The sink is not a hosted service: start and drain it.
    /// </summary>
    public static IServiceCollection AddInfluxSink(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<InfluxOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName)
            // RequestTimeout is applied per request, so that a timeout is retried rather than thrown.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider.GetRequiredService<IOptions<InfluxOptions>>().Value))
            // The sink holds its client for its lifetime; the handler recycles connections itself.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(provider => new InfluxSink(
            provider.GetRequiredService<IOptions<InfluxOptions>>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<ILogger<InfluxSink>>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static SocketsHttpHandler CreateHandler(InfluxOptions options) => new()
    {
        // One connection per writer plus one for database creation and probes.
        MaxConnectionsPerServer = options.Writers + 1,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
    };
}
