using System.Net.Sockets;

namespace Telemetry.Server.Tests;

/// <summary>Raw TCP connections to the server that send nothing (or only the HTTP/2 preface) and never read.</summary>
internal sealed class IdleSockets : IDisposable
{
    private static readonly byte[] Preface = [.. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8, 0, 0, 0, 4, 0, 0, 0, 0, 0];
    private readonly List<Socket> _sockets = [];

    public static async Task<IdleSockets> OpenAsync(Uri server, int count, bool sendPreface)
    {
        var idle = new IdleSockets();
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            idle._sockets.Add(socket);
            await socket.ConnectAsync("127.0.0.1", server.Port);
            if (sendPreface)
            {
                await socket.SendAsync(Preface);
            }
        }
        return idle;
    }

    /// <summary>How many the server has not closed: a closed one reads end-of-stream or fails.</summary>
    public int CountOpen()
    {
        var open = 0;
        var buffer = new byte[4096];
        foreach (var socket in _sockets)
        {
            try
            {
                var closed = false;
                while (socket.Available > 0 || socket.Poll(0, SelectMode.SelectRead))
                {
                    if (socket.Receive(buffer) == 0)
                    {
                        closed = true;
                        break;
                    }
                }
                open += closed ? 0 : 1;
            }
            catch (SocketException)
            {
            }
        }
        return open;
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }
}
