namespace Telemetry.Ingest.Spool;

/// <summary>
/// The spool's disk quota (<see cref="SpoolOptions.MaxBytes"/>) has no room for a batch: it was refused and not
/// acknowledged. Nothing already spooled is dropped; room returns as InfluxDB confirms spooled records.
/// </summary>
public sealed class SpoolFullException : Exception
{
    /// <summary>Creates the exception with its <paramref name="message"/>.</summary>
    public SpoolFullException(string message)
        : base(message)
    {
    }
}
