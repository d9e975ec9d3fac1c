namespace Telemetry.Client;

/// <summary>What a <see cref="ResendingStream{TBatch}"/> achieved.</summary>
/// <param name="BatchesSent">Distinct batches sent (a resend is not counted again).</param>
/// <param name="FramesSent">Frames in those batches.</param>
/// <param name="BatchesAcknowledged">Batches the server acknowledged.</param>
/// <param name="Reconnects">Calls that failed and were replaced by a new one.</param>
/// <param name="FramesResent">Frames sent again after a reconnect.</param>
/// <param name="Unacknowledged">Batches sent and never acknowledged.</param>
/// <param name="Failure">Why the stream ended early, or <c>null</c> when every batch was sent and acknowledged.</param>
public sealed record IngestStreamResult(
    long BatchesSent, long FramesSent, long BatchesAcknowledged, int Reconnects, long FramesResent, int Unacknowledged, string? Failure);
