namespace Telemetry.Simulation.Descent;

/// <summary>
/// Kalman filter on altitude and vertical speed, propagated on the IMU and updated by the LRF behind a chi-square
/// innovation gate. The onboard terrain model is flat: the filter's altitude is above the terrain it last saw.
/// </summary>
public sealed record NavigationParameters
{
    /// <summary>Initial altitude estimate minus truth (m). Default: 0.</summary>
    public double InitialAltitudeErrorM { get; init; }

    /// <summary>Initial vertical-speed estimate minus truth (m/s, positive up). Default: 0.</summary>
    public double InitialVerticalSpeedErrorMps { get; init; }

    /// <summary>Filter's initial altitude standard deviation (m). Default: 300.</summary>
    public double InitialAltitudeSigmaM { get; init; } = 300;

    /// <summary>Filter's initial vertical-speed standard deviation (m/s). Default: 2.</summary>
    public double InitialVerticalSpeedSigmaMps { get; init; } = 2;

    /// <summary>Process noise: unmodelled acceleration density (m/s² per √Hz). Default: 0.01.</summary>
    public double ProcessNoiseMps2PerSqrtHz { get; init; } = 0.01;

    /// <summary>LRF standard deviation the filter assumes (m). Default: 3.</summary>
    public double LrfSigmaM { get; init; } = 3;

    /// <summary>Innovation gate: reject when ν²/S exceeds this (chi-square, 1 degree of freedom). Default: 10.83 (p = 0.001).</summary>
    public double GateChiSquare { get; init; } = 10.83;

    /// <summary>Consecutive rejections after which the LRF is declared failed for the rest of the flight. Default: 20.</summary>
    public int LatchRejections { get; init; } = 20;

    /// <summary>Consecutive accepted LRF updates before the altitude counts as LRF-validated. Default: 10 (1 s at 10 Hz).</summary>
    public int ValidationCount { get; init; } = 10;

    /// <summary>
    /// Mitigation: after the latch, re-admit the LRF when this many consecutive returns differ from the estimate by the
    /// same offset (each within four LRF sigmas of the previous one), as a step in the terrain makes them do; navigation
    /// then takes the LRF altitude. 0: never re-admit. Default: 0.
    /// </summary>
    public int ReadmitAfterConsistent { get; init; }
}
