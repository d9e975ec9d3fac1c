namespace Telemetry.Replay.Commands;

/// <summary>Process exit codes of the replay CLI.</summary>
internal static class ExitCodes
{
    /// <summary>Everything done.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: unknown scenario, invalid scenario file, bad option values.</summary>
    public const int BadInput = 1;

    /// <summary>The stream to the ingest server failed, or the server refused or rejected frames.</summary>
    public const int StreamFailed = 2;
}
