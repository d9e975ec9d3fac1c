namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// The sink no longer accepts batches (it is draining or stopped), or stopped before InfluxDB accepted a batch.
/// Nothing of such a batch is acknowledged: the client resends it, to this server after a restart or to another.
/// </summary>
public sealed class SinkClosedException : Exception
{
    /// <summary>Creates the exception with its <paramref name="message"/>.</summary>
    public SinkClosedException(string message)
        : base(message)
    {
    }
}
