namespace Telemetry.Ingest.Influx.Internal;

/// <summary>What an InfluxDB answer to a write means for the lines sent.</summary>
internal enum InfluxOutcome
{
    /// <summary>204: every line stored.</summary>
    Written,

    /// <summary>400 or 422: some lines refused (the others stored); find which by bisection.</summary>
    Partial,

    /// <summary>401, 403, 404 or a missing retention policy: pause all writing until it is fixed.</summary>
    Paused,

    /// <summary>413: body too large; split.</summary>
    TooLarge,

    /// <summary>429, 5xx, timeout or network error: retry with backoff.</summary>
    Transient,
}
