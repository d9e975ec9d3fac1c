using Telemetry.Simulation.Descent.Sensitivity;

namespace Telemetry.Simulation.Descent.Calibration;

/// <summary>One public figure beside the model's value.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="Model">The model's value, or null when the runs never reach it.</param>
/// <param name="Residual">(model − value) / sigma for fitted and imposed figures; null for checks or without a value.</param>
/// <param name="Passes">Checks: satisfied. Others: within two sigmas.</param>
public sealed record FigureResult(PublicFigure Figure, double? Model, double? Residual, bool Passes);

/// <summary>
/// Two fitted figures whose pulls on the parameters point against each other at the optimum: each one's residual
/// would shrink by moving the parameters in a direction that grows the other's.
/// </summary>
/// <param name="First">One figure.</param>
/// <param name="Second">The other.</param>
/// <param name="Cosine">Cosine of the angle between their pulls (−1: straight against each other).</param>
public sealed record FigureConflict(PublicFigure First, PublicFigure Second, double Cosine);

/// <summary>A fit without one figure, and that figure predicted from the rest.</summary>
/// <param name="Figure">The figure held out.</param>
/// <param name="Predicted">Its value in the fit without it.</param>
/// <param name="Residual">(predicted − value) / sigma.</param>
/// <param name="Values">The parameters of the fit without it.</param>
public sealed record HoldOut(PublicFigure Figure, double? Predicted, double? Residual, IReadOnlyList<double> Values);

/// <summary>What a joint calibration found.</summary>
/// <param name="Parameters">The parameters fitted, with their plausible ranges.</param>
/// <param name="Seed">The noise seed every run flew.</param>
/// <param name="Start">Their values before the fit (the shipped scenarios).</param>
/// <param name="Values">Their fitted values.</param>
/// <param name="Before">Every figure with the start values.</param>
/// <param name="Figures">Every figure with the fitted values.</param>
/// <param name="Cost">Sum of squared residuals of the fitted figures at the fit (the weak pull towards the middle of the ranges excluded).</param>
/// <param name="Iterations">Levenberg-Marquardt iterations of the joint fit.</param>
/// <param name="Runs">Descents flown in all, hold-outs included.</param>
/// <param name="Fitted">The three scenarios with the fitted values.</param>
/// <param name="Conflicts">Pairs of fitted figures pulling against each other, strongest first.</param>
/// <param name="HoldOuts">Leave-one-out: each fitted figure predicted by a fit to the others (empty when not asked for).</param>
public sealed record CalibrationResult(
    IReadOnlyList<SensitivityParameter> Parameters,
    int Seed,
    IReadOnlyList<double> Start,
    IReadOnlyList<double> Values,
    IReadOnlyList<FigureResult> Before,
    IReadOnlyList<FigureResult> Figures,
    double Cost,
    int Iterations,
    int Runs,
    CalibrationScenarios Fitted,
    IReadOnlyList<FigureConflict> Conflicts,
    IReadOnlyList<HoldOut> HoldOuts)
{
    /// <summary>True for a parameter the fit left at an end of its plausible range (the figures want it beyond).</summary>
    public bool AtBound(int parameter) =>
        Values[parameter] <= Parameters[parameter].Low + (1e-6 * (Parameters[parameter].High - Parameters[parameter].Low))
        || Values[parameter] >= Parameters[parameter].High - (1e-6 * (Parameters[parameter].High - Parameters[parameter].Low));
}
