namespace Telemetry.Simulation.Ascent;

/// <summary>
/// A Kairos-class launcher: 18 m long, 1.35 m across, about 23 t at lift-off, three solid stages and a small liquid
/// post-boost stage. Only the length, diameter, lift-off mass, stage count and capacity are public; every other
/// figure here is chosen and calibrated (docs/kairos.md).
/// </summary>
public sealed record AscentVehicle
{
    /// <summary>Overall length (m); documentation only. Default: 18 (published).</summary>
    public double LengthM { get; init; } = 18;

    /// <summary>Body diameter (m); sets the aerodynamic reference area. Default: 1.35 (published).</summary>
    public double DiameterM { get; init; } = 1.35;

    /// <summary>Payload (kg). Default: 250 (published capacity to low Earth orbit).</summary>
    public double PayloadKg { get; init; } = 150;

    /// <summary>Payload fairing (kg). Default: 180 (chosen).</summary>
    public double FairingKg { get; init; } = 180;

    /// <summary>The fairing is jettisoned when the altitude first exceeds this (m). Default: 122000 (calibrated: about 168 s).</summary>
    public double FairingJettisonAltitudeM { get; init; } = 122_000;

    /// <summary>Stages in firing order; at most one liquid stage, and only last. Default: the calibrated Kairos-class stack.</summary>
    public IReadOnlyList<StageParameters> Stages { get; init; } = KairosStages.Default;

    /// <summary>Drag coefficient against Mach number, linear between points, constant beyond the ends. Default: a slender-launcher curve.</summary>
    public IReadOnlyList<MachPoint> DragByMach { get; init; } =
    [
        new() { Mach = 0, Cd = 0.30 }, new() { Mach = 0.8, Cd = 0.32 }, new() { Mach = 1.05, Cd = 0.52 },
        new() { Mach = 1.3, Cd = 0.55 }, new() { Mach = 2, Cd = 0.42 }, new() { Mach = 3, Cd = 0.33 },
        new() { Mach = 5, Cd = 0.27 }, new() { Mach = 10, Cd = 0.25 },
    ];

    /// <summary>Normal-force slope (1/rad), for the aerodynamic pitching moment. Default: 2.5.</summary>
    public double NormalForceSlopePerRad { get; init; } = 2.5;

    /// <summary>How far the centre of pressure lies ahead of the centre of mass (m); positive is unstable. Default: 1.5.</summary>
    public double CentreOfPressureAheadM { get; init; } = 1.5;

    /// <summary>Total mass at lift-off (kg): stages, payload and fairing.</summary>
    public double LiftOffMassKg()
    {
        var mass = PayloadKg + FairingKg;
        foreach (var stage in Stages)
        {
            mass += stage.PropellantKg + stage.InertKg;
        }

        return mass;
    }
}

/// <summary>A point of the drag curve.</summary>
public sealed record MachPoint
{
    /// <summary>Mach number. Default: 0.</summary>
    public double Mach { get; init; }

    /// <summary>Drag coefficient on the body's cross-section. Default: 0.3.</summary>
    public double Cd { get; init; } = 0.3;
}
