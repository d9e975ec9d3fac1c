namespace Telemetry.Simulation.Descent;

/// <summary>Lander mass and main-engine figures (HAKUTO-R Series 1 class; unpublished figures are calibrated, see CALIBRATION.md).</summary>
public sealed record VehicleParameters
{
    /// <summary>Mass without propellant (kg). Default: 340 (published ~340 kg).</summary>
    public double DryMassKg { get; init; } = 340;

    /// <summary>Propellant on board when the powered descent starts (kg). Default: 440 (calibrated).</summary>
    public double PropellantKg { get; init; } = 440;

    /// <summary>Maximum main-engine thrust (N). Default: 1470 (unpublished; the shipped M1/M2 scenarios carry the value fitted by calibrate).</summary>
    public double MaxThrustN { get; init; } = 1470;

    /// <summary>Specific impulse (s); exhaust speed is Isp times g0 = 9.80665 m/s². Default: 320 (hydrazine/MON class).</summary>
    public double IspS { get; init; } = 320;

    /// <summary>Throttle floor while the engine burns, as a fraction of <see cref="MaxThrustN"/> (0..1). Default: 0.25.</summary>
    public double MinThrottle { get; init; } = 0.25;

    /// <summary>Fastest throttle change (fraction of maximum thrust per second). Default: 0.5.</summary>
    public double ThrottleRatePerS { get; init; } = 0.5;

    /// <summary>Main engines sharing <see cref="MaxThrustN"/> equally. Default: 1.</summary>
    public int EngineCount { get; init; } = 1;
}
