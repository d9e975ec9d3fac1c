using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Telemetry.Testing;

/// <summary>Free TCP ports on the loopback interface, for servers that a test starts and that bind them later.</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range: a port the kernel may give any outgoing connection could be taken between
    // this check and the server's bind (seen in CI: a server failed with "address already in use"). Out of that
    // range only another explicit bind can take it; each test process starts at a random place in it.
    private const int Lowest = 20_000;
    private static readonly int s_highest = BelowEphemeralRange();
    private static int s_next = Random.Shared.Next(s_highest - Lowest);

    /// <summary>Returns a port on 127.0.0.1 that was free a moment ago, outside the range of outgoing connections.</summary>
    public static int Next()
    {
        int span = s_highest - Lowest;
        for (int attempt = 0; attempt < 1_000; attempt++)
        {
            int port = Lowest + (int)((uint)Interlocked.Increment(ref s_next) % (uint)span);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port on 127.0.0.1 between {Lowest} and {s_highest}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port below the ephemeral range (/proc/sys/net/ipv4/ip_local_port_range; 32768 if unknown).</summary>
    private static int BelowEphemeralRange()
    {
        try
        {
            string[] range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            int low = int.Parse(range[0], CultureInfo.InvariantCulture);
            return low > Lowest + 1_000 ? low : 32_768;
        }
        catch (IOException)
        {
            return 32_768;
        }
    }
}
