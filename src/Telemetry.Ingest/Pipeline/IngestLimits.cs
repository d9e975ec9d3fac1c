namespace Telemetry.Ingest.Pipeline;

/// <summary>Per-batch limits the pipeline enforces (a frozen copy of the configured options for the hot path).</summary>
/// <param name="MaxFramesPerBatch">Largest number of frames in one FrameBatch; a larger batch is refused whole.</param>
public sealed record IngestLimits(int MaxFramesPerBatch);
