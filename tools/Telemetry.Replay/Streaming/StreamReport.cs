using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>One frame the server did not write: its sequence number and the server's reason.</summary>
internal sealed record RejectedFrame(ulong BatchId, ulong Sequence, RejectionCode Code, string Reason);

/// <summary>A batch the server refused as a whole.</summary>
internal sealed record RefusedBatch(ulong BatchId, string Error);

/// <summary>What a stream achieved: counts, rejections, and any failure of the call itself.</summary>
internal sealed record StreamReport(
    int FramesSent,
    int BatchesSent,
    int BatchesAcknowledged,
    long FramesWritten,
    IReadOnlyList<RejectedFrame> Rejections,
    IReadOnlyList<RefusedBatch> RefusedBatches,
    string? Failure)
{
    /// <summary>Why each broken call was reconnected (status and detail), in order.</summary>
    public IReadOnlyList<string> Reconnects { get; init; } = [];

    /// <summary>Frames sent again on a new call because their batch had not been acknowledged.</summary>
    public long FramesResent { get; init; }

    /// <summary>Frames the server had already stored from an earlier send (resends of durable frames): not written again.</summary>
    public long FramesDuplicate { get; init; }

    /// <summary>Sender restarts the server saw on this stream (the replay's sequence started again on a known source).</summary>
    public long SequenceResets { get; init; }

    /// <summary>Every batch was acknowledged and accepted, and no frame was rejected.</summary>
    public bool Succeeded =>
        Failure is null && BatchesAcknowledged == BatchesSent && RefusedBatches.Count == 0 && Rejections.Count == 0;
}
