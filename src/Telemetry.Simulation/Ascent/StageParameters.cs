namespace Telemetry.Simulation.Ascent;

/// <summary>How a stage burns.</summary>
public enum StageKind
{
    /// <summary>A solid motor: a fixed thrust curve until the propellant is gone; it cannot be shut down.</summary>
    Solid,

    /// <summary>A liquid engine at constant thrust, shut down by guidance or by propellant exhaustion.</summary>
    Liquid,
}

/// <summary>One stage: masses, propulsion, and the geometry its thrust-vector control works with.</summary>
public sealed record StageParameters
{
    /// <summary>Name used in the timeline. Default: stage.</summary>
    public string Name { get; init; } = "stage";

    /// <summary>Solid or liquid. Default: solid.</summary>
    public StageKind Kind { get; init; }

    /// <summary>Propellant mass (kg). Default: 1000.</summary>
    public double PropellantKg { get; init; } = 1000;

    /// <summary>Mass dropped at separation besides unburnt propellant: case, nozzle, interstage (kg). Default: 150.</summary>
    public double InertKg { get; init; } = 150;

    /// <summary>Specific impulse (s); mass flow is thrust / (Isp · 9.80665). Default: 280.</summary>
    public double IspS { get; init; } = 280;

    /// <summary>Solid only: burn time at nominal performance (s). Default: 60.</summary>
    public double BurnTimeS { get; init; } = 60;

    /// <summary>
    /// Solid only: the thrust curve's shape, relative thrust against the fraction of the burn time (0..1), linear
    /// between points; it is scaled so that the propellant delivers exactly PropellantKg · Isp · g0 of impulse.
    /// Default: a flat curve with a short tail-off.
    /// </summary>
    public IReadOnlyList<ThrustPoint> ThrustShape { get; init; } =
        [new() { BurnFraction = 0, Relative = 1 }, new() { BurnFraction = 0.95, Relative = 1 }, new() { BurnFraction = 1, Relative = 0 }];

    /// <summary>Liquid only: thrust (N). Default: 0.</summary>
    public double ThrustN { get; init; }

    /// <summary>Time from the previous stage's burn-out to this stage's ignition (s); separation is halfway. Default: 0.</summary>
    public double CoastBeforeIgnitionS { get; init; }

    /// <summary>
    /// Coasting to apogee: after its coast time, the stage also waits until the radial speed falls to this (m/s), or
    /// null not to wait. Default: null.
    /// </summary>
    public double? IgniteBelowRadialSpeedMps { get; init; }

    /// <summary>Distance from the centre of mass to the nozzle's pivot while this stage burns (m). Default: 7.</summary>
    public double NozzleArmM { get; init; } = 7;

    /// <summary>Pitch radius of gyration of the stack while this stage burns (m). Default: 4.5.</summary>
    public double RadiusOfGyrationM { get; init; } = 4.5;
}

/// <summary>A point of a solid motor's thrust curve shape.</summary>
public sealed record ThrustPoint
{
    /// <summary>Time since ignition over the burn time (0..1). Default: 0.</summary>
    public double BurnFraction { get; init; }

    /// <summary>Thrust relative to the others (any positive scale; 0 for none). Default: 1.</summary>
    public double Relative { get; init; } = 1;
}
