namespace Telemetry.Guidance.Internal;

/// <summary>Piecewise-linear terrain height along the track; constant beyond the ends, 0 when empty.</summary>
internal sealed class Terrain
{
    private readonly double[] _x;
    private readonly double[] _h;

    public Terrain(TerrainParameters parameters)
    {
        _x = new double[parameters.Profile.Count];
        _h = new double[parameters.Profile.Count];
        for (var i = 0; i < _x.Length; i++)
        {
            _x[i] = parameters.Profile[i].DownrangeM;
            _h[i] = parameters.Profile[i].HeightM;
        }
    }

    /// <summary>True for an empty profile: the height is 0 everywhere.</summary>
    public bool IsFlat => _x.Length == 0;

    /// <summary>Terrain height (m) at a downrange distance (m).</summary>
    public double HeightAt(double downrangeM)
    {
        var x = _x;
        if (x.Length == 0)
        {
            return 0;
        }

        if (downrangeM <= x[0])
        {
            return _h[0];
        }

        // Profiles have a handful of points: a linear scan beats a binary search here.
        for (var i = 1; i < x.Length; i++)
        {
            if (downrangeM < x[i])
            {
                var f = (downrangeM - x[i - 1]) / (x[i] - x[i - 1]);
                return _h[i - 1] + (f * (_h[i] - _h[i - 1]));
            }
        }

        return _h[^1];
    }
}
