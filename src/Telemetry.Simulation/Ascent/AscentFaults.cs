using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Ascent;

/// <summary>Faults injected into the vehicle or its navigation. Default: none.</summary>
public sealed record AscentFaults
{
    /// <summary>A nozzle that sticks or oscillates, or null. Default: null.</summary>
    public NozzleFault? Nozzle { get; init; }

    /// <summary>TVC loop gain relative to design (1 = none). Default: 1.</summary>
    public double TvcGainScale { get; init; } = 1;

    /// <summary>Thrust shortfall of one stage, or null. Default: null.</summary>
    public ThrustShortfall? Thrust { get; init; }

    /// <summary>Constant error of the navigated attitude (deg); flight control steers on it. Default: 0.</summary>
    public double NavigationAttitudeBiasDeg { get; init; }

    /// <summary>Constant error of the navigated downrange velocity (m/s). Default: 0.</summary>
    public double NavigationVelocityBiasMps { get; init; }

    /// <summary>Windows with no valid navigation solution for the termination system (s since lift-off). Default: none.</summary>
    public IReadOnlyList<TimeWindow> NavigationLoss { get; init; } = [];
}

/// <summary>How a faulty nozzle misbehaves.</summary>
public enum NozzleFaultMode
{
    /// <summary>The nozzle goes to <see cref="NozzleFault.AngleDeg"/> and stays there.</summary>
    Stuck,

    /// <summary>
    /// A degraded drive: it follows <see cref="NozzleFault.CommandScale"/> of the command about
    /// <see cref="NozzleFault.OffsetDeg"/>, with its own lag, and adds <see cref="NozzleFault.AngleDeg"/> · sin(2π f t).
    /// </summary>
    Oscillating,
}

/// <summary>The axis of a nozzle drive.</summary>
public enum NozzleAxis
{
    /// <summary>Pitch: in the launch plane.</summary>
    Pitch,

    /// <summary>Yaw: across the launch plane.</summary>
    Yaw,
}

/// <summary>A nozzle fault from a given time, in one drive axis.</summary>
public sealed record NozzleFault
{
    /// <summary>Stage whose nozzle is faulty, 1 for the first; the fault ends with its burn. Default: 1.</summary>
    public int Stage { get; init; } = 1;

    /// <summary>The drive axis that fails. Default: pitch.</summary>
    public NozzleAxis Axis { get; init; }

    /// <summary>Oscillating only: the share of the loop's command the failed drive still follows (0..1). Default: 1.</summary>
    public double CommandScale { get; init; } = 1;

    /// <summary>Oscillating only: constant deflection the failed drive adds (deg). Default: 0.</summary>
    public double OffsetDeg { get; init; }

    /// <summary>Oscillating only: time constant of the failed drive (s); 0 keeps the healthy actuator's. Default: 0.</summary>
    public double LagS { get; init; }

    /// <summary>Stuck or oscillating. Default: stuck.</summary>
    public NozzleFaultMode Mode { get; init; }

    /// <summary>Onset (s since lift-off). Default: 0.</summary>
    public double AtS { get; init; }

    /// <summary>Stuck deflection, or oscillation amplitude (deg). Default: 0.</summary>
    public double AngleDeg { get; init; }

    /// <summary>Oscillation frequency (Hz). Default: 1.</summary>
    public double FrequencyHz { get; init; } = 1;
}

/// <summary>A solid motor that delivers less thrust: chamber pressure low, so thrust and mass flow both scale down and the burn lasts longer.</summary>
public sealed record ThrustShortfall
{
    /// <summary>Stage number, 1 for the first. Default: 1.</summary>
    public int Stage { get; init; } = 1;

    /// <summary>Thrust as a fraction of nominal (0..1]. Default: 1.</summary>
    public double Fraction { get; init; } = 1;
}
