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
}
