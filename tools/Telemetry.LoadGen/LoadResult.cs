using HdrHistogram;

namespace Telemetry.LoadGen;

/// <summary>What a load run measured.</summary>
internal sealed record LoadResult(
    long FramesSent, long FramesWritten, long FramesDuplicate, long SequenceResets, long FramesRejected, long BatchesRefused, long Reconnects,
    long FramesResent, double ElapsedSeconds, HistogramBase AckLatencyMicros)
{
    /// <summary>Every frame sent is stored: written now, or already stored (a duplicate), none rejected.</summary>
    public bool AllStored => FramesWritten + FramesDuplicate == FramesSent && FramesRejected == 0;

    /// <summary>Acknowledged-as-written frames per second over the whole run.</summary>
    public double FramesPerSecond => FramesWritten / ElapsedSeconds;

    /// <summary>Ack latency at <paramref name="percentile"/> (0-100), in milliseconds; 0 when nothing was acknowledged.</summary>
    public double LatencyMs(double percentile) =>
        AckLatencyMicros.TotalCount == 0 ? 0 : AckLatencyMicros.GetValueAtPercentile(percentile) / 1000.0;
}
