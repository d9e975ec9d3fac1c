namespace Telemetry.Server;

/// <summary>The server's process exit codes (also in the README's "Exit codes and errors").</summary>
public static class ExitCodes
{
    /// <summary>A clean stop.</summary>
    public const int Ok = 0;

    /// <summary>The server failed for a reason none of the codes below names (the one line says which).</summary>
    public const int Failed = 1;

    /// <summary>A setting is invalid (a value that does not parse, or that validation refuses), or the command line is wrong.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>
    /// With <c>Ingest:AckAfter=Database</c>, the shutdown timeout ran out before InfluxDB accepted every batch in
    /// flight: those batches were refused with UNAVAILABLE (never acknowledged) and are the clients' to resend.
    /// </summary>
    public const int DrainTimedOut = 3;

    /// <summary>A listener could not bind (the address is in use, or not this machine's).</summary>
    public const int CannotListen = 4;

    /// <summary>The spool folder cannot be used (another server holds it, no permission, a read-only or full disk).</summary>
    public const int SpoolUnusable = 5;
}
