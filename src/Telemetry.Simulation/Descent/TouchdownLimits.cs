namespace Telemetry.Simulation.Descent;

/// <summary>Contact speeds the landing gear survives.</summary>
public sealed record TouchdownLimits
{
    /// <summary>Largest safe vertical speed at contact (m/s). Default: 3.</summary>
    public double MaxVerticalSpeedMps { get; init; } = 3;

    /// <summary>Largest safe horizontal speed at contact (m/s). Default: 1.</summary>
    public double MaxHorizontalSpeedMps { get; init; } = 1;
}
