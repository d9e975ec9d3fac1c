using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent.Calibration.Internal;
using Telemetry.Simulation.Descent.Sensitivity;

namespace Telemetry.Simulation.Descent.Calibration;

/// <summary>
/// One set of unpublished parameters for the lander, fitted to every public figure of Missions 1 and 2 at once: weighted
/// least squares (residual = (model − published) / sigma) by bounded Levenberg-Marquardt over the parameters' plausible
/// ranges, every point flying the planned descent, Mission 2 and Mission 1 on one noise seed. A weak pull towards the
/// middle of each range (one range = one sigma) keeps the fit unique where the figures do not decide.
/// </summary>
public static class JointCalibration
{
    /// <summary>Weight of the pull towards the middle of each range: a parameter at an end costs 0.25 (half a range over one).</summary>
    public const double PriorRanges = 1;

    /// <summary>Levenberg-Marquardt iterations of the joint fit at most.</summary>
    public const int MaxIterations = 25;

    /// <summary>Iterations of each hold-out fit at most (it starts from the joint fit).</summary>
    public const int HoldOutIterations = 8;

    // Penalty residual for a figure the runs never reach (a crossing never made, a timeout).
    private const double Missing = 10;

    // The parameters fitted and the resolution a fitted value is written with (what a scenario file carries).
    private static readonly (string Name, double Resolution)[] Resolutions =
    [
        ("max_thrust", 1), ("isp", 0.1), ("hold_throttle", 0.001), ("landing_burn_time_factor", 0.001), ("throttle_rate", 0.01),
        ("low_gate_altitude", 1), ("terminal_descent_rate", 0.01), ("crater_rim_height", 10),
    ];

    /// <summary>The unpublished parameters the calibration fits, with their plausible ranges (from the sensitivity analysis).</summary>
    public static IReadOnlyList<SensitivityParameter> Parameters { get; } =
        [.. Resolutions.Select(f => SensitivityParameters.All.Single(p => p.Name == f.Name))];

    /// <summary>A fitted value rounded to what a scenario file carries (1 N, 0.1 s, 0.001 of a throttle, 1 m, ...).</summary>
    public static double Round(SensitivityParameter parameter, double value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var resolution = Resolutions.Single(f => f.Name == parameter.Name).Resolution;
        return Math.Round(Math.Round(value / resolution) * resolution, 6);
    }

    /// <summary>
    /// The shipped scenarios of the same lander that take the fitted values: the three fitted and the mitigations beside
    /// Missions 1 and 2. Not <c>lrf-disabled</c> and its mitigation (IM-1's situation) nor <c>slim</c> (its own calibration).
    /// </summary>
    public static IReadOnlyList<string> Family { get; } =
        ["nominal", "resilience-m2", "hakuto-r-m1", "resilience-m2-inertial-start", "hakuto-r-m1-readmit"];

    /// <summary>Every scenario of <see cref="Family"/>, loaded from the catalog, with the fitted values.</summary>
    public static IReadOnlyList<Scenario> FamilyWith(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Family.Select(n => CalibrationScenarios.Apply(ScenarioCatalog.Load(n), result.Parameters, result.Values))];
    }

    /// <summary>Flies the three scenarios (in parallel) and measures every figure.</summary>
    public static CalibrationRuns Fly(CalibrationScenarios scenarios, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var all = scenarios.All;
        var results = Campaign.Run(3, i => DescentSimulator.Run(all[i], seed, recordEvery: 0));
        return new CalibrationRuns(results[0], results[1], results[2]);
    }

    /// <summary>Every figure of one set of runs beside its published value.</summary>
    public static IReadOnlyList<FigureResult> Compare(CalibrationRuns runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. PublicFigures.All.Select(f =>
        {
            var model = f.Measure(runs);
            return new FigureResult(f, model, f.Role == FigureRole.Check ? null : f.Residual(model), f.Passes(model));
        })];
    }

    /// <summary>Fits the parameters to the fitted figures; with <paramref name="holdOuts"/>, also fits once without each figure.</summary>
    /// <param name="scenarios">The three scenarios to start from (their values are the start).</param>
    /// <param name="seed">Noise seed of every run.</param>
    /// <param name="holdOuts">Also run the leave-one-out fits.</param>
    /// <param name="progress">Receives a line per finished stage, or null.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public static CalibrationResult Run(
        CalibrationScenarios scenarios, int seed = 0, bool holdOuts = true, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var parameters = Parameters;
        var fitted = PublicFigures.Fitted;
        var runs = 0;
        var start = parameters.Select(p => p.ValueIn(Owner(scenarios, p))).ToArray();
        var before = Compare(Fly(scenarios, seed));
        runs += 3;

        // Residuals of a batch of unit-cube points, leaving out figure 'skip' (−1: none).
        double[][] Batch(IReadOnlyList<double[]> points, int skip)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var flown = Campaign.Run(3 * points.Count, i =>
                DescentSimulator.Run(scenarios.With(parameters, Denormalize(parameters, points[i / 3])).All[i % 3], seed, recordEvery: 0),
                cancellationToken: cancellationToken);
            Interlocked.Add(ref runs, flown.Length);
            return [.. points.Select((x, k) => Residuals(new CalibrationRuns(flown[3 * k], flown[(3 * k) + 1], flown[(3 * k) + 2]), x, skip))];
        }

        var x0 = Normalize(parameters, start);
        var (x, _, iterations) = LevenbergMarquardt.Minimize(points => Batch(points, -1), x0, MaxIterations);
        var values = Denormalize(parameters, x).Select((v, j) => Round(parameters[j], v)).ToArray();
        var fit = scenarios.With(parameters, values);
        var figures = Compare(Fly(fit, seed));
        runs += 3;
        progress?.Report($"joint fit: {iterations} iterations");

        var conflicts = Conflicts(x, points => Batch(points, -1), fitted);
        var held = new List<HoldOut>();
        if (holdOuts)
        {
            for (var k = 0; k < fitted.Count; k++)
            {
                var skip = k;
                var (xk, _, _) = LevenbergMarquardt.Minimize(points => Batch(points, skip), x, HoldOutIterations);
                var valuesK = Denormalize(parameters, xk).Select((v, j) => Round(parameters[j], v)).ToArray();
                var predicted = fitted[k].Measure(Fly(scenarios.With(parameters, valuesK), seed));
                runs += 3;
                held.Add(new HoldOut(fitted[k], predicted, fitted[k].Residual(predicted), valuesK));
                progress?.Report($"held out {fitted[k].Id}");
            }
        }

        var cost = figures.Where(f => f.Figure.Role == FigureRole.Fitted).Sum(f => f.Residual is { } r ? r * r : Missing * Missing);
        return new CalibrationResult(parameters, seed, start, values, before, figures, cost, iterations, runs, fit, conflicts, held);
    }

    // The weighted residuals of the fitted figures (the held-out one set to 0), then the pull towards the middle.
    private static double[] Residuals(CalibrationRuns runs, double[] x, int skip)
    {
        var fitted = PublicFigures.Fitted;
        var r = new double[fitted.Count + x.Length];
        for (var i = 0; i < fitted.Count; i++)
        {
            r[i] = i == skip ? 0 : fitted[i].Residual(fitted[i].Measure(runs)) ?? Missing;
        }

        for (var j = 0; j < x.Length; j++)
        {
            r[fitted.Count + j] = (x[j] - 0.5) / PriorRanges;
        }

        return r;
    }

    // Each figure's pull on the parameters is −r_i ∇r_i; two pulls at an obtuse angle are figures against each other.
    private static List<FigureConflict> Conflicts(double[] x, Func<IReadOnlyList<double[]>, double[][]> batch, IReadOnlyList<PublicFigure> fitted)
    {
        var n = x.Length;
        var points = new List<double[]> { x };
        for (var j = 0; j < n; j++)
        {
            var p = (double[])x.Clone();
            p[j] += x[j] + LevenbergMarquardt.DifferenceStep <= 1 ? LevenbergMarquardt.DifferenceStep : -LevenbergMarquardt.DifferenceStep;
            points.Add(p);
        }

        var r = batch(points);
        var pulls = new double[fitted.Count][];
        for (var i = 0; i < fitted.Count; i++)
        {
            pulls[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                var step = points[j + 1][j] - x[j];
                pulls[i][j] = -r[0][i] * (r[j + 1][i] - r[0][i]) / step;
            }
        }

        var conflicts = new List<FigureConflict>();
        for (var a = 0; a < fitted.Count; a++)
        {
            for (var b = a + 1; b < fitted.Count; b++)
            {
                var cosine = Cosine(pulls[a], pulls[b]);
                if (cosine < -0.3 && Math.Abs(r[0][a]) > 0.3 && Math.Abs(r[0][b]) > 0.3)
                {
                    conflicts.Add(new FigureConflict(fitted[a], fitted[b], cosine));
                }
            }
        }

        return [.. conflicts.OrderBy(c => c.Cosine)];
    }

    private static double Cosine(double[] a, double[] b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (var j = 0; j < a.Length; j++)
        {
            ab += a[j] * b[j];
            aa += a[j] * a[j];
            bb += b[j] * b[j];
        }

        return aa == 0 || bb == 0 ? 0 : ab / Math.Sqrt(aa * bb);
    }

    // The scenario a parameter's start value is read from: the first of the three it acts on.
    private static Scenario Owner(CalibrationScenarios s, SensitivityParameter p) => s.All.First(p.AppliesTo);

    private static double[] Normalize(IReadOnlyList<SensitivityParameter> p, IReadOnlyList<double> v) =>
        [.. p.Select((q, j) => (v[j] - q.Low) / (q.High - q.Low))];

    private static double[] Denormalize(IReadOnlyList<SensitivityParameter> p, IReadOnlyList<double> x) =>
        [.. p.Select((q, j) => q.Low + (x[j] * (q.High - q.Low)))];
}
