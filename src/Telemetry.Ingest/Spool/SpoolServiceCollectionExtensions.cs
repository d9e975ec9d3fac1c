using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Spool.Internal;

namespace Telemetry.Ingest.Spool;

/// <summary>Registers the write-ahead spool.</summary>
public static class SpoolServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SpoolOptions"/> from <paramref name="section"/> (validated at start) and registers
    /// <see cref="SpoolSink"/> as a singleton in front of the <see cref="InfluxSink"/> (register that first). Not a
    /// hosted service: start and stop it.
    /// </summary>
    public static IServiceCollection AddSpool(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<SpoolOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpoolOptions>, SpoolOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SpoolSink(
            provider.GetRequiredService<IOptions<SpoolOptions>>(),
            provider.GetRequiredService<InfluxSink>(),
            provider.GetRequiredService<ILogger<SpoolSink>>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
