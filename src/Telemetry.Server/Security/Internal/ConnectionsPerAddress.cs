using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// Kestrel connection middleware that closes a new connection at once when its IP address already has
/// <see cref="LimitsOptions.MaxConnectionsPerAddress"/> open: one address cannot take every connection slot.
/// </summary>
internal sealed class ConnectionsPerAddress
{
    private readonly int _limit;
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public ConnectionsPerAddress(int limit)
    {
        _limit = limit;
    }

    public ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        if (connection.RemoteEndPoint is not IPEndPoint { Address: var address })
        {
            await next(connection).ConfigureAwait(false);
            return;
        }
        if (_open.AddOrUpdate(address, 1, static (_, n) => n + 1) > _limit)
        {
            Leave(address);
            return; // returning without running the connection closes it
        }
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            Leave(address);
        }
    };

    private void Leave(IPAddress address)
    {
        // Remove the entry when it reaches zero, so that the map holds only addresses with open connections.
        while (true)
        {
            var n = _open[address];
            if (n == 1 ? _open.TryRemove(new KeyValuePair<IPAddress, int>(address, 1)) : _open.TryUpdate(address, n - 1, n))
            {
                return;
            }
        }
    }
}
