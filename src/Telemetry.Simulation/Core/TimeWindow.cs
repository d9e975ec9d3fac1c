namespace Telemetry.Simulation.Core;

/// <summary>A closed time interval in seconds since the start of the run (descent start or lift-off).</summary>
public sealed record TimeWindow
{
    /// <summary>Start (s). Default: 0.</summary>
    public double StartS { get; init; }

    /// <summary>End (s); not before <see cref="StartS"/>. Default: 0.</summary>
    public double EndS { get; init; }
}
