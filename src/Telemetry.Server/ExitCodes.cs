namespace Telemetry.Server;

/// <summary>The server's process exit codes besides 0 (clean stop) and the host's own for a failed start.</summary>
public static class ExitCodes
{
    /// <summary>
    /// With <c>Ingest:AckAfter=Database</c>, the shutdown timeout ran out before InfluxDB accepted every batch in
    /// flight: those batches were refused with UNAVAILABLE (never acknowledged) and are the clients' to resend.
    /// </summary>
    public const int DrainTimedOut = 3;
}
