using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>Counters shared by every stream of a run.</summary>
internal sealed class LoadCounters
{
    private long _sent;
    private long _written;
    private long _duplicates;
    private long _resets;
    private long _rejected;
    private long _refused;
    private long _reconnects;
    private long _resent;

    public long Sent => Interlocked.Read(ref _sent);

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Frames the server had already stored (a resend of a durable frame): not written again.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Sender restarts the server saw (a source's sequence started again).</summary>
    public long Resets => Interlocked.Read(ref _resets);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Calls that failed and were reconnected.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Frames sent again after a reconnect because their batch had not been acknowledged.</summary>
    public long Resent => Interlocked.Read(ref _resent);

    /// <summary>The first rejection or refusal reason seen, to show the user why frames were not written.</summary>
    public string? FirstProblem { get; private set; }

    public void AddSent(int frames) => Interlocked.Add(ref _sent, frames);

    public void AddResent(int frames) => Interlocked.Add(ref _resent, frames);

    public void AddReconnect(string reason)
    {
        Interlocked.Increment(ref _reconnects);
        FirstProblem ??= $"stream failed and was reconnected: {reason}";
    }

    public void AddAck(BatchAck ack)
    {
        Interlocked.Add(ref _written, ack.WrittenCount);
        Interlocked.Add(ref _duplicates, ack.DuplicateCount);
        Interlocked.Add(ref _resets, ack.ResetCount);
        if (ack.Rejections.Count > 0)
        {
            Interlocked.Add(ref _rejected, ack.Rejections.Count);
            FirstProblem ??= $"frame {ack.Rejections[0].Index} of batch {ack.BatchId}: {ack.Rejections[0].Reason}";
        }
        if (!ack.Accepted)
        {
            Interlocked.Increment(ref _refused);
            FirstProblem ??= $"batch {ack.BatchId} refused: {ack.Error}";
        }
    }
}
