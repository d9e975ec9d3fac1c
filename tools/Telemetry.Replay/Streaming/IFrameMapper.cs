using Telemetry.Contracts.V1;

namespace Telemetry.Replay.Streaming;

/// <summary>Turns one recorded sample of a replay (descent or ascent) into a telemetry frame.</summary>
internal interface IFrameMapper<TSample>
{
    /// <summary>The frame source; sequence numbers are counted against it.</summary>
    string Source { get; }

    /// <summary>Simulation time of a sample (s), which paces realtime streams.</summary>
    double TimeS(in TSample sample);

    Frame Map(in TSample sample, ulong sequence);
}
