namespace Telemetry.Simulation.Core.Internal;

/// <summary>
/// y(x) linear between points sorted by x, constant beyond the ends, 0 when there are none: terrain profiles,
/// drag curves, wind profiles and thrust curves all read this way.
/// </summary>
internal sealed class PiecewiseLinear
{
    private readonly double[] _x;
    private readonly double[] _y;

    public PiecewiseLinear(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    public bool IsEmpty => _x.Length == 0;

    public double At(double x)
    {
        var xs = _x;
        if (xs.Length == 0)
        {
            return 0;
        }

        if (x <= xs[0])
        {
            return _y[0];
        }

        // A handful of points: a linear scan beats a binary search here.
        for (var i = 1; i < xs.Length; i++)
        {
            if (x < xs[i])
            {
                var f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return _y[i - 1] + (f * (_y[i] - _y[i - 1]));
            }
        }

        return _y[^1];
    }

    /// <summary>The mean of y over [x0, xN] (trapezoids).</summary>
    public double Mean()
    {
        if (_x.Length < 2 || _x[^1] <= _x[0])
        {
            return _y.Length > 0 ? _y[0] : 0;
        }

        var area = 0.0;
        for (var i = 1; i < _x.Length; i++)
        {
            area += 0.5 * (_y[i] + _y[i - 1]) * (_x[i] - _x[i - 1]);
        }

        return area / (_x[^1] - _x[0]);
    }
}
