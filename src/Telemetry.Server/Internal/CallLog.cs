using Grpc.Core;

namespace Telemetry.Server.Internal;

/// <summary>
/// The once-per-call log lines, each kind at most <see cref="LinesPerSecond"/> a second server-wide so that no
/// client can flood the log; the lines held back are counted in the next one. Calls refused through the client's
/// fault (credentials, limits, malformed or oversized messages) are logged at information level without a stack
/// trace: the status and reason say everything.
/// </summary>
internal sealed class CallLog
{
    /// <summary>Lines of one kind written per second at most.</summary>
    public const int LinesPerSecond = 10;

    private readonly LineBudget _refused;
    private readonly LineBudget _ended;

    public CallLog(TimeProvider clock)
    {
        _refused = new LineBudget(clock, LinesPerSecond);
        _ended = new LineBudget(clock, LinesPerSecond);
    }

    /// <summary>Logs that the call of <paramref name="context"/> ended with <paramref name="status"/>.</summary>
    public void Refused(ILogger logger, HttpContext context, StatusCode status, string reason)
    {
        if (logger.IsEnabled(LogLevel.Information) && _refused.TryTake(out var heldBack))
        {
            var peer = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
            Log.CallRefused(logger, context.Request.Path.Value ?? string.Empty, peer, status, reason, heldBack);
        }
    }

    /// <summary>Logs that an ingest stream from <paramref name="peer"/> ended after submitting what it did.</summary>
    public void StreamEnded(ILogger logger, string peer, long batches, long frames)
    {
        if (logger.IsEnabled(LogLevel.Information) && _ended.TryTake(out var heldBack))
        {
            Log.StreamEnded(logger, peer, batches, frames, heldBack);
        }
    }

    /// <summary>A per-second allowance of lines; counts what it holds back.</summary>
    private sealed class LineBudget(TimeProvider clock, int perSecond)
    {
        private readonly Lock _lock = new();
        private long _windowStart;
        private int _inWindow;
        private long _heldBack;

        public bool TryTake(out long heldBack)
        {
            var now = clock.GetTimestamp();
            lock (_lock)
            {
                if (clock.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
                {
                    _windowStart = now;
                    _inWindow = 0;
                }
                if (_inWindow >= perSecond)
                {
                    _heldBack++;
                    heldBack = 0;
                    return false;
                }
                _inWindow++;
                heldBack = _heldBack;
                _heldBack = 0;
                return true;
            }
        }
    }
}
