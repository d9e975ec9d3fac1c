using Telemetry.Simulation.Descent.Calibration.Internal;

namespace Telemetry.Simulation.Tests.Descent.Calibration;

public sealed class LevenbergMarquardtTests
{
    private static double[][] Batch(IReadOnlyList<double[]> points, Func<double[], double[]> f) => [.. points.Select(f)];

    [Fact]
    public void Minimize_LinearResiduals_ReachesTheExactMinimum()
    {
        var (x, r, _) = LevenbergMarquardt.Minimize(p => Batch(p, x => [x[0] - 0.3, 2 * (x[1] - 0.7), x[0] + x[1] - 1.0]), [0.9, 0.1], 25);

        Assert.Equal(0.3, x[0], 1e-6);
        Assert.Equal(0.7, x[1], 1e-6);
        Assert.Equal(0, LevenbergMarquardt.SumSquares(r), 1e-10);
    }

    [Fact]
    public void Minimize_MinimumOutsideTheCube_StopsOnTheBound()
    {
        var (x, r, _) = LevenbergMarquardt.Minimize(p => Batch(p, x => [x[0] - 1.5, x[1] - 0.25]), [0.5, 0.5], 25);

        Assert.Equal(1.0, x[0]);
        Assert.Equal(0.25, x[1], 1e-6);
        Assert.Equal(-0.5, r[0], 1e-9);
    }

    [Fact]
    public void Minimize_NonlinearResiduals_ConvergesFromAFarStart()
    {
        // Rosenbrock as residuals, scaled into the cube: minimum at (0.5, 0.5).
        double[] Rosenbrock(double[] x)
        {
            var (a, b) = ((4 * x[0]) - 1, (4 * x[1]) - 1);
            return [1 - a, 10 * (b - (a * a))];
        }

        var (x, _, _) = LevenbergMarquardt.Minimize(p => Batch(p, Rosenbrock), [0.05, 0.9], 200);

        Assert.Equal(0.5, x[0], 1e-3);
        Assert.Equal(0.5, x[1], 1e-3);
    }
}
