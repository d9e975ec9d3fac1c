namespace Telemetry.Ingest.Spool;

/// <summary>
/// The spool cannot write to its folder (disk full, I/O error, read-only filesystem, too many open files, ...): the
/// batch was not acknowledged and should be resent. The message names the folder and the errno. The spool probes
/// the folder and accepts batches again by itself once it can write and fsync there.
/// </summary>
public sealed class SpoolFaultException : Exception
{
    /// <summary>Creates the exception with its <paramref name="message"/>.</summary>
    public SpoolFaultException(string message)
        : base(message)
    {
    }
}
