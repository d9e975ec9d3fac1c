namespace Telemetry.Server.Security.Internal;

/// <summary>The connection limit in force, and whether it was derived from the open-file limit.</summary>
internal sealed record ConnectionLimit(int MaxConnections, bool Derived, long OpenFiles)
{
    public static ConnectionLimit From(LimitsOptions limits)
    {
        var openFiles = OpenFileLimit.Current();
        return limits.MaxConnections is { } configured
            ? new ConnectionLimit(configured, false, openFiles)
            : new ConnectionLimit(OpenFileLimit.DeriveMaxConnections(openFiles, limits.ReservedFileDescriptors), true, openFiles);
    }
}
