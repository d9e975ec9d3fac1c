namespace Telemetry.Simulation.Descent;

/// <summary>The public figures a scenario reproduces.</summary>
public sealed record ScenarioReference
{
    /// <summary>The event or mission the figures describe. Default: empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>The figures. Default: none.</summary>
    public IReadOnlyList<ReferenceFigure> Figures { get; init; } = [];
}

/// <summary>One public figure, how to measure it on a result, and the tolerance the model must meet.</summary>
public sealed record ReferenceFigure
{
    /// <summary>What the figure is, in words. Default: empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>Which quantity of a <see cref="DescentResult"/> it compares with. Default: LrfFirstValidAltitudeM.</summary>
    public ReferenceMetric Metric { get; init; }

    /// <summary>For <see cref="ReferenceMetric.DescentRateAtAltitudeMps"/>: the true altitude (m). Default: 0.</summary>
    public double AtAltitudeM { get; init; }

    /// <summary>The published value. Default: 0.</summary>
    public double Value { get; init; }

    /// <summary>Unit of <see cref="Value"/>, e.g. <c>m/s</c>. Default: empty.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Accepted absolute difference between model and value, in <see cref="Unit"/>. Default: 0.</summary>
    public double Tolerance { get; init; }

    /// <summary>Where the figure was published. Default: empty.</summary>
    public string Source { get; init; } = "";
}

/// <summary>Quantities of a run that can be compared with a public figure.</summary>
public enum ReferenceMetric
{
    /// <summary>True altitude at the LRF's first valid return (m).</summary>
    LrfFirstValidAltitudeM,

    /// <summary>Descent rate at the LRF's first valid return (m/s).</summary>
    LrfFirstValidDescentRateMps,

    /// <summary>Descent rate when the true altitude first crosses <see cref="ReferenceFigure.AtAltitudeM"/> (m/s).</summary>
    DescentRateAtAltitudeMps,

    /// <summary>Vertical speed at contact (m/s).</summary>
    ContactVerticalSpeedMps,

    /// <summary>True altitude when the propellant ran out (m).</summary>
    PropellantOutAltitudeM,

    /// <summary>Distance along the ground from the point below the lander when it lost an engine to contact (m).</summary>
    DriftAfterEngineLossM,
}
