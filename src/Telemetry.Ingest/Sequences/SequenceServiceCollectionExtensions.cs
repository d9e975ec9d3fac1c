using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Sequences;

/// <summary>Registers the per-source sequence tracker.</summary>
public static class SequenceServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SequenceOptions"/> from <paramref name="section"/> (validated at start) and registers <see cref="SequenceTracker"/>.</summary>
    public static IServiceCollection AddSequenceTracking(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<SequenceOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SequenceOptions>, Validator>());
        services.AddSingleton<SequenceTracker>();
        return services;
    }

    private sealed class Validator : IValidateOptions<SequenceOptions>
    {
        public ValidateOptionsResult Validate(string? name, SequenceOptions options)
        {
            var errors = SequenceTracker.Validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
