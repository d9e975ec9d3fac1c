using System.ComponentModel.DataAnnotations;

namespace Telemetry.Server.Observability;

/// <summary>The <c>Observability</c> section: metrics labels and the status page.</summary>
public sealed class ObservabilityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Observability";

    /// <summary>
    /// Distinct sources that get their own <c>source</c> label on per-source metrics; later sources are counted under
    /// <c>_other</c>, so a client inventing sources cannot grow the metrics without bound. Default 200; 1-10000.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxSourceLabels { get; set; } = 200;
}
