using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.LineProtocol;

/// <summary>Why <see cref="FrameEncoder"/> refused a frame.</summary>
/// <param name="Code">The machine-readable category, as sent to the client.</param>
/// <param name="Reason">A human-readable reason naming the offending key or value.</param>
public readonly record struct FrameRejectionInfo(RejectionCode Code, string Reason);
