using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Checks <see cref="InfluxOptions"/> at start, naming the setting, the rule and the value in each message.</summary>
internal sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    private const string S = InfluxOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        var errors = new List<string>();
        if (options.Url is null || !options.Url.IsAbsoluteUri || options.Url.Scheme is not ("http" or "https"))
        {
            errors.Add($"{S}Url must be an absolute http:// or https:// address (was '{options.Url}').");
        }
        if (!Enum.IsDefined(options.ApiVersion))
        {
            errors.Add($"{S}ApiVersion must be V1 or V2 (was {options.ApiVersion}).");
        }
        if (options.ApiVersion == InfluxApiVersion.V1 && string.IsNullOrWhiteSpace(options.Database))
        {
            errors.Add($"{S}Database is required with ApiVersion V1.");
        }
        if (options.ApiVersion == InfluxApiVersion.V2 && string.IsNullOrWhiteSpace(options.Bucket))
        {
            errors.Add($"{S}Bucket is required with ApiVersion V2.");
        }
        if (options.Password is not null && string.IsNullOrEmpty(options.Username))
        {
            errors.Add($"{S}Password is set but Username is not.");
        }
        Range(errors, nameof(options.BatchLines), options.BatchLines, 1, 1_000_000);
        Range(errors, nameof(options.Writers), options.Writers, 1, 64);
        if (options.MaxPendingBytes < 1024 * 1024)
        {
            errors.Add($"{S}MaxPendingBytes must be at least 1 MiB (1048576) (was {options.MaxPendingBytes}).");
        }
        Positive(errors, nameof(options.FlushInterval), options.FlushInterval);
        Positive(errors, nameof(options.RequestTimeout), options.RequestTimeout);
        Positive(errors, nameof(options.NotAnsweringAfter), options.NotAnsweringAfter);
        Positive(errors, nameof(options.RetryInitialDelay), options.RetryInitialDelay);
        Positive(errors, nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        Positive(errors, nameof(options.AuthRetryInterval), options.AuthRetryInterval);
        if (options.RetryMaxDelay < options.RetryInitialDelay)
        {
            errors.Add($"{S}RetryMaxDelay ({options.RetryMaxDelay}) must not be shorter than RetryInitialDelay ({options.RetryInitialDelay}).");
        }
        if (options.DeadLetterPath is { } path && (path.Length == 0 || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            errors.Add($"{S}DeadLetterPath must be a file path or absent (was '{path}').");
        }
        if (options.DeadLetterMaxFileBytes is < 4096 or > 1L << 40)
        {
            errors.Add($"{S}DeadLetterMaxFileBytes must be between 4096 and 2^40 (was {options.DeadLetterMaxFileBytes}).");
        }
        if (options.DeadLetterMaxFiles is < 1 or > 1000)
        {
            errors.Add($"{S}DeadLetterMaxFiles must be between 1 and 1000 (was {options.DeadLetterMaxFiles}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(InfluxOptions options)
    {
        var result = new InfluxOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(InfluxOptions), result.Failures);
        }
    }

    private static void Range(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{S}{name} must be between {min} and {max} (was {value}).");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{S}{name} must be a positive duration such as 00:00:01 (was {value}).");
        }
    }
}
