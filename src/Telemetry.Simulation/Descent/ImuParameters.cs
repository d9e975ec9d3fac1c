namespace Telemetry.Simulation.Descent;

/// <summary>Accelerometer error model; errors are resolved in the local vertical/horizontal frame.</summary>
public sealed record ImuParameters
{
    /// <summary>Constant accelerometer bias on the vertical axis (m/s², positive up). Default: 0.</summary>
    public double VerticalBiasMps2 { get; init; }

    /// <summary>Constant accelerometer bias on the horizontal axis (m/s², positive downrange). Default: 0.</summary>
    public double HorizontalBiasMps2 { get; init; }

    /// <summary>
    /// White-noise density on each axis (m/s² per √Hz): a Δv over T seconds has a deviation of this times √T.
    /// Default: 0.001.
    /// </summary>
    public double NoiseDensityMps2PerSqrtHz { get; init; } = 0.001;
}
