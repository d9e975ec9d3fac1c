namespace Telemetry.Simulation.Ascent;

/// <summary>The public figures an ascent scenario reproduces.</summary>
public sealed record AscentReference
{
    /// <summary>The flight the figures describe. Default: empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>The figures. Default: none.</summary>
    public IReadOnlyList<AscentFigure> Figures { get; init; } = [];
}

/// <summary>One public figure, the quantity of a run it compares with, and the tolerance the model must meet.</summary>
public sealed record AscentFigure
{
    /// <summary>What the figure is, in words. Default: empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>Which quantity of an <see cref="AscentResult"/> it compares with. Default: terminationTimeS.</summary>
    public AscentMetric Metric { get; init; }

    /// <summary>The published value. Default: 0.</summary>
    public double Value { get; init; }

    /// <summary>Unit of <see cref="Value"/>. Default: empty.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Accepted absolute difference between model and value, in <see cref="Unit"/>. Default: 0.</summary>
    public double Tolerance { get; init; }

    /// <summary>For <see cref="AscentMetric.AltitudeAtTimeKm"/>: the time (s since lift-off). Default: null.</summary>
    public double? AtS { get; init; }

    /// <summary>Fitted (the model was tuned to it) or predicted (it came out). Default: predicted.</summary>
    public FigureRole Role { get; init; } = FigureRole.Predicted;

    /// <summary>Where the figure was published. Default: empty.</summary>
    public string Source { get; init; } = "";
}

/// <summary>Quantities of an ascent that can be compared with a public figure.</summary>
public enum AscentMetric
{
    /// <summary>Time of the termination after lift-off (s).</summary>
    TerminationTimeS,

    /// <summary>True altitude at termination (km).</summary>
    TerminationAltitudeKm,

    /// <summary>Mass at lift-off (t).</summary>
    LiftOffMassT,

    /// <summary>Payload carried into orbit (kg); not reached without an orbit.</summary>
    PayloadToOrbitKg,

    /// <summary>Perigee altitude of the final orbit (km).</summary>
    PerigeeKm,

    /// <summary>Time of the first-stage separation (s).</summary>
    FirstSeparationTimeS,

    /// <summary>Time of the fairing jettison (s).</summary>
    FairingJettisonTimeS,

    /// <summary>True altitude at <see cref="AscentFigure.AtS"/> (km).</summary>
    AltitudeAtTimeKm,

    /// <summary>Inclination of the final orbit (deg).</summary>
    InclinationDeg,

    /// <summary>Apogee altitude of the final orbit (km).</summary>
    ApogeeKm,
}

/// <summary>How a model figure relates to the public one.</summary>
public enum FigureRole
{
    /// <summary>The model came out at this value without being tuned to it.</summary>
    Predicted,

    /// <summary>A chosen parameter was tuned so the model meets it.</summary>
    Fitted,
}
