namespace Telemetry.Simulation.Descent.Calibration.Internal;

/// <summary>
/// Bounded Levenberg-Marquardt on the unit cube with forward-difference Jacobians. Residuals are evaluated in batches
/// (one batch per Jacobian, one per set of trial steps) so that the caller can fly the points in parallel; every
/// choice depends only on the residuals, so the result is deterministic.
/// </summary>
internal static class LevenbergMarquardt
{
    /// <summary>Step of the forward differences in unit-cube coordinates (2 % of a range).</summary>
    public const double DifferenceStep = 0.02;

    // Damping factors tried together from the current one; ×16 when none of them improves.
    private static readonly double[] Trials = [0.25, 1, 4];

    /// <summary>Minimises the sum of squared residuals over x in [0, 1]^n.</summary>
    /// <param name="residuals">Residual vectors of a batch of points.</param>
    /// <param name="start">Starting point (clamped to the cube).</param>
    /// <param name="maxIterations">At most this many Jacobians.</param>
    public static (double[] X, double[] Residuals, int Iterations) Minimize(
        Func<IReadOnlyList<double[]>, double[][]> residuals, double[] start, int maxIterations)
    {
        var n = start.Length;
        var x = start.Select(v => Math.Clamp(v, 0, 1)).ToArray();
        var r = residuals([x])[0];
        var cost = SumSquares(r);
        var mu = 1e-2;
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            var points = new double[n][];
            var steps = new double[n];
            for (var j = 0; j < n; j++)
            {
                steps[j] = x[j] + DifferenceStep <= 1 ? DifferenceStep : -DifferenceStep;
                points[j] = (double[])x.Clone();
                points[j][j] += steps[j];
            }

            var shifted = residuals(points);
            var m = r.Length;
            var jac = new double[m, n];
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < m; i++)
                {
                    jac[i, j] = (shifted[j][i] - r[i]) / steps[j];
                }
            }

            var (a, g) = Normal(jac, r);
            var improved = false;
            for (var attempt = 0; attempt < 3 && !improved; attempt++)
            {
                var candidates = Trials.Select(t => Step(a, g, x, mu * t)).ToArray();
                var trial = residuals(candidates);
                var best = -1;
                for (var k = 0; k < candidates.Length; k++)
                {
                    var c = SumSquares(trial[k]);
                    if (c < cost && (best < 0 || c < SumSquares(trial[best])))
                    {
                        best = k;
                    }
                }

                if (best >= 0)
                {
                    var gain = cost - SumSquares(trial[best]);
                    (x, r, cost, mu) = (candidates[best], trial[best], SumSquares(trial[best]), Math.Max(1e-7, mu * Trials[best] / 3));
                    improved = true;
                    if (gain < 1e-4 * Math.Max(cost, 1e-3))
                    {
                        return (x, r, iterations);
                    }
                }
                else
                {
                    mu *= 16;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return (x, r, iterations);
    }

    /// <summary>Sum of squared residuals.</summary>
    public static double SumSquares(double[] r)
    {
        var s = 0.0;
        foreach (var v in r)
        {
            s += v * v;
        }

        return s;
    }

    private static (double[,] A, double[] G) Normal(double[,] jac, double[] r)
    {
        var (m, n) = (jac.GetLength(0), jac.GetLength(1));
        var a = new double[n, n];
        var g = new double[n];
        for (var p = 0; p < n; p++)
        {
            for (var i = 0; i < m; i++)
            {
                g[p] += jac[i, p] * r[i];
            }

            for (var q = 0; q < n; q++)
            {
                for (var i = 0; i < m; i++)
                {
                    a[p, q] += jac[i, p] * jac[i, q];
                }
            }
        }

        return (a, g);
    }

    // Solves (A + mu·(diag A + ε)) d = −g and returns x + d clamped to the cube.
    private static double[] Step(double[,] a, double[] g, double[] x, double mu)
    {
        var n = x.Length;
        var m = new double[n, n + 1];
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                m[p, q] = a[p, q];
            }

            m[p, p] += mu * (a[p, p] + 1e-6);
            m[p, n] = -g[p];
        }

        var d = Solve(m, n);
        return [.. x.Select((v, j) => Math.Clamp(v + d[j], 0, 1))];
    }

    // Gaussian elimination with partial pivoting on an augmented n × (n+1) matrix.
    private static double[] Solve(double[,] m, int n)
    {
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var rIndex = c + 1; rIndex < n; rIndex++)
            {
                if (Math.Abs(m[rIndex, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = rIndex;
                }
            }

            for (var k = 0; k <= n; k++)
            {
                (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            }

            if (Math.Abs(m[c, c]) < 1e-15)
            {
                continue;
            }

            for (var rIndex = c + 1; rIndex < n; rIndex++)
            {
                var f = m[rIndex, c] / m[c, c];
                for (var k = c; k <= n; k++)
                {
                    m[rIndex, k] -= f * m[c, k];
                }
            }
        }

        var d = new double[n];
        for (var c = n - 1; c >= 0; c--)
        {
            var s = m[c, n];
            for (var k = c + 1; k < n; k++)
            {
                s -= m[c, k] * d[k];
            }

            d[c] = Math.Abs(m[c, c]) < 1e-15 ? 0 : s / m[c, c];
        }

        return d;
    }
}
