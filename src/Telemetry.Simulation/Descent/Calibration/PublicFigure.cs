namespace Telemetry.Simulation.Descent.Calibration;

/// <summary>How a public figure takes part in the joint calibration.</summary>
public enum FigureRole
{
    /// <summary>A number with an uncertainty: its weighted residual is part of the fit.</summary>
    Fitted,

    /// <summary>A statement the model must satisfy (pass or fail), not a number to fit.</summary>
    Check,

    /// <summary>Set directly by an injected fault; the model's value is reported, nothing is fitted to it.</summary>
    Imposed,
}

/// <summary>
/// One public figure of Mission 1 or Mission 2, how the model measures it on the three calibration runs, and how much
/// it weighs: the residual of a fitted figure is (model − value) / <see cref="Sigma"/>.
/// </summary>
public sealed class PublicFigure
{
    private readonly Func<CalibrationRuns, double?> _measure;

    internal PublicFigure(
        string id, string mission, string label, double value, double sigma, string unit, FigureRole role, string source,
        string why, Func<CalibrationRuns, double?> measure, double? atLeast = null, double? atMost = null)
    {
        (Id, Mission, Label, Value, Sigma, Unit, Role, Source, Why, AtLeast, AtMost) =
            (id, mission, label, value, sigma, unit, role, source, why, atLeast, atMost);
        _measure = measure;
    }

    /// <summary>Identifier (snake_case), e.g. <c>m2_rate_at_192_m</c>.</summary>
    public string Id { get; }

    /// <summary>"nominal", "M1" or "M2".</summary>
    public string Mission { get; }

    /// <summary>What the figure is, in words.</summary>
    public string Label { get; }

    /// <summary>The published value (for a check, the value it is compared with).</summary>
    public double Value { get; }

    /// <summary>One standard deviation of the published value (same unit): how far off it may be, from its wording and sources.</summary>
    public double Sigma { get; }

    /// <summary>Unit of <see cref="Value"/>.</summary>
    public string Unit { get; }

    /// <summary>Fitted, check or imposed.</summary>
    public FigureRole Role { get; }

    /// <summary>Where it was published.</summary>
    public string Source { get; }

    /// <summary>Why <see cref="Sigma"/> is what it is (or what a check requires).</summary>
    public string Why { get; }

    /// <summary>For a check: the model value must be at least this, or null.</summary>
    public double? AtLeast { get; }

    /// <summary>For a check: the model value must be at most this, or null.</summary>
    public double? AtMost { get; }

    /// <summary>The model's value on the three runs, or null when the runs never reach it.</summary>
    public double? Measure(CalibrationRuns runs) => _measure(runs);

    /// <summary>(model − value) / sigma, or null without a model value.</summary>
    public double? Residual(double? model) => model is { } m ? (m - Value) / Sigma : null;

    /// <summary>For a check: true when the model value satisfies it (false without one). For others: within two sigmas.</summary>
    public bool Passes(double? model) => model is { } m && (Role == FigureRole.Check
        ? (AtLeast is null || m >= AtLeast) && (AtMost is null || m <= AtMost)
        : Math.Abs(m - Value) <= 2 * Sigma);
}

/// <summary>The three runs every calibration step flies: the planned descent, Mission 2 and Mission 1, one seed.</summary>
/// <param name="Nominal">The planned descent (<c>nominal</c>).</param>
/// <param name="Resilience">Mission 2 (<c>resilience-m2</c>).</param>
/// <param name="HakutoR">Mission 1 (<c>hakuto-r-m1</c>).</param>
public sealed record CalibrationRuns(DescentResult Nominal, DescentResult Resilience, DescentResult HakutoR);
