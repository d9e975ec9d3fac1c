namespace Telemetry.Client;

/// <summary>A batch to send: its message (a <c>FrameBatch</c> or its serialized bytes), its id and its frame count.</summary>
/// <typeparam name="TBatch">The request message type of the stream method.</typeparam>
/// <param name="BatchId">The batch id the server echoes in its acknowledgement; unique within one stream.</param>
/// <param name="Frames">Frames in the batch.</param>
/// <param name="Message">What goes on the wire.</param>
public readonly record struct OutgoingBatch<TBatch>(ulong BatchId, int Frames, TBatch Message);
