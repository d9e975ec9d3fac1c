namespace Telemetry.Simulation.Descent;

/// <summary>True state at the start of the powered descent (after the coast from the ~100 km orbit).</summary>
public sealed record InitialState
{
    /// <summary>Altitude above the terrain below (m). Default: 20000.</summary>
    public double AltitudeM { get; init; } = 20_000;

    /// <summary>Horizontal (downrange) speed (m/s). Default: 1689 (perilune speed of a 100 x 20 km orbit).</summary>
    public double HorizontalSpeedMps { get; init; } = 1689;

    /// <summary>Descent rate (m/s, positive down). Default: 0.</summary>
    public double DescentRateMps { get; init; }
}
