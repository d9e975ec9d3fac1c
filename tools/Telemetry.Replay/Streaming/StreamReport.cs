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
    /// <summary>Every batch was acknowledged and accepted, and no frame was rejected.</summary>
    public bool Succeeded =>
        Failure is null && BatchesAcknowledged == BatchesSent && RefusedBatches.Count == 0 && Rejections.Count == 0;
}
