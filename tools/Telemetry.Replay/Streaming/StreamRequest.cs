namespace Telemetry.Replay.Streaming;

/// <summary>The user asked for the run to be streamed: where to, and how.</summary>
internal sealed record StreamRequest(Uri Target, StreamOptions Options);
