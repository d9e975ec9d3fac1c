namespace Telemetry.Simulation.Ascent;

/// <summary>One-sigma dispersions sampled by <see cref="AscentDispersions.Apply"/> (normal, zero mean).</summary>
public sealed record AscentDispersion
{
    /// <summary>Relative thrust error of every solid motor (fraction; thrust and mass flow together). Default: 0.015.</summary>
    public double ThrustScaleSigma { get; init; } = 0.015;

    /// <summary>Relative error of the winds and gusts (fraction). Default: 0.3.</summary>
    public double WindScaleSigma { get; init; } = 0.3;

    /// <summary>Relative error of the TVC loop gain (fraction). Default: 0.05.</summary>
    public double TvcGainSigma { get; init; } = 0.05;

    /// <summary>Relative error of the drag coefficient (fraction). Default: 0.05.</summary>
    public double DragScaleSigma { get; init; } = 0.05;

    /// <summary>Navigation noise is multiplied by exp(N(0, this)). Default: 0.2.</summary>
    public double NavigationNoiseLogSigma { get; init; } = 0.2;

    /// <summary>Onset time of an injected nozzle fault (s). Default: 3.</summary>
    public double FaultTimeSigmaS { get; init; } = 3;

    /// <summary>Relative error of an injected nozzle fault's angle (fraction). Default: 0.2.</summary>
    public double FaultAngleSigma { get; init; } = 0.2;

    /// <summary>
    /// Probability that a termination channel's self-test faults during a flight, each channel on its own (0..1); the
    /// fault time is uniform over the first <see cref="ChannelFaultWindowS"/> seconds. Default: 0.
    /// </summary>
    public double ChannelFaultProbability { get; init; }

    /// <summary>Window of a drawn channel fault, from lift-off (s). Default: 220 (to the second stage's burn-out).</summary>
    public double ChannelFaultWindowS { get; init; } = 220;
}
