using Grpc.Core;

namespace Telemetry.Server.Internal;

/// <summary>
/// Logs calls that failed through the client's fault (bad credentials, malformed or oversized messages, limits)
/// once per call at information level, at most <see cref="LinesPerSecond"/> lines a second server-wide; the lines
/// held back are counted in the next one. Never a stack trace: the status and reason say everything.
/// </summary>
internal sealed class ClientErrorLog
{
    /// <summary>Client-error lines written per second at most.</summary>
    public const int LinesPerSecond = 10;

    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private long _windowStart;
    private int _inWindow;
    private long _suppressed;

    public ClientErrorLog(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Logs that the call of <paramref name="context"/> ended with <paramref name="status"/>.</summary>
    public void Refused(ILogger logger, HttpContext context, StatusCode status, string reason)
    {
        if (!logger.IsEnabled(LogLevel.Information) || !TryTake(out var heldBack))
        {
            return;
        }
        var peer = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        Log.CallRefused(logger, context.Request.Path.Value ?? string.Empty, peer, status, reason, heldBack);
    }

    private bool TryTake(out long heldBack)
    {
        var now = _clock.GetTimestamp();
        lock (_lock)
        {
            if (_clock.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _inWindow = 0;
            }
            if (_inWindow >= LinesPerSecond)
            {
                _suppressed++;
                heldBack = 0;
                return false;
            }
            _inWindow++;
            heldBack = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}
