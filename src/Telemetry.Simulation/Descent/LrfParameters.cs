using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Descent;

/// <summary>Laser rangefinder: it measures the altitude above the terrain directly below, with noise and faults.</summary>
public sealed record LrfParameters
{
    /// <summary>False models a rangefinder that is never enabled (IM-1). Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Longest range that returns a valid measurement (m). Default: 10000.</summary>
    public double MaxRangeM { get; init; } = 10000;

    /// <summary>Measurement rate (Hz). Default: 10.</summary>
    public double RateHz { get; init; } = 10;

    /// <summary>Standard deviation of the white range noise (m). Default: 1.</summary>
    public double NoiseStdM { get; init; } = 1;

    /// <summary>Injected constant range bias (m). Default: 0.</summary>
    public double BiasM { get; init; }

    /// <summary>Injected fault: no valid return before this time since descent start (s), or null. Default: null.</summary>
    public double? FirstValidAfterS { get; init; }

    /// <summary>
    /// Injected fault: no valid return until the true altitude first reaches this (m); returns stay possible
    /// afterwards, even above it. Null for none (Resilience: 893). Default: null.
    /// </summary>
    public double? FirstValidBelowAltitudeM { get; init; }

    /// <summary>Injected fault: probability that any one measurement is dropped (0..1). Default: 0.</summary>
    public double DropoutProbability { get; init; }

    /// <summary>Injected fault: time windows (s since descent start) with no valid return. Default: none.</summary>
    public IReadOnlyList<TimeWindow> DropoutWindows { get; init; } = [];
}
