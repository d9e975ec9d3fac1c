using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>Validates <see cref="SpoolOptions"/> at start, naming the setting at fault.</summary>
internal sealed class SpoolOptionsValidator : IValidateOptions<SpoolOptions>
{
    public ValidateOptionsResult Validate(string? name, SpoolOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            errors.Add("Spool:Directory must name a folder.");
        }
        if (options.SegmentBytes is < 1 << 20 or > 1L << 30)
        {
            errors.Add($"Spool:SegmentBytes must be between 1 MiB and 1 GiB (got {options.SegmentBytes}).");
        }
        if (options.MaxBytes < 2 * options.SegmentBytes)
        {
            errors.Add($"Spool:MaxBytes ({options.MaxBytes}) must hold at least two segments of Spool:SegmentBytes ({options.SegmentBytes}).");
        }
        if (options.MaxCommitDelay < TimeSpan.Zero || options.MaxCommitDelay > TimeSpan.FromSeconds(1))
        {
            errors.Add($"Spool:MaxCommitDelay must be between 0 and 1 s (got {options.MaxCommitDelay}).");
        }
        if (options.MaxPendingBytes is < 1 << 20 or > 1L << 32)
        {
            errors.Add($"Spool:MaxPendingBytes must be between 1 MiB and 4 GiB (got {options.MaxPendingBytes}).");
        }
        if (options.MaxForwardBytes is < 1 << 20 or > 1L << 32)
        {
            errors.Add($"Spool:MaxForwardBytes must be between 1 MiB and 4 GiB (got {options.MaxForwardBytes}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid.</summary>
    public static void ThrowIfInvalid(SpoolOptions options)
    {
        var result = new SpoolOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(SpoolOptions.SectionName, typeof(SpoolOptions), result.Failures);
        }
    }
}
