using System.Net;
using System.Net.Sockets;

namespace Telemetry.Testing;

/// <summary>Free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    /// <summary>Returns a port on 127.0.0.1 that was free a moment ago (the OS picks it; a race is possible but rare).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
