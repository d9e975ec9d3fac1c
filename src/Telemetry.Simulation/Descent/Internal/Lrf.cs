using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>Laser rangefinder with range limit, noise, bias and the injected faults of <see cref="LrfParameters"/>.</summary>
internal struct Lrf
{
    private readonly LrfParameters _p;
    private Rng _rng;
    private bool _altitudeGateOpened;

    public Lrf(LrfParameters parameters, Rng rng)
    {
        _p = parameters;
        _rng = rng;
        _altitudeGateOpened = parameters.FirstValidBelowAltitudeM is null;
    }

    /// <summary>One measurement at time <paramref name="timeS"/>; false when there is no valid return.</summary>
    /// <param name="timeS">Time since descent start (s).</param>
    /// <param name="trueAltitudeM">True altitude above the terrain below (m).</param>
    /// <param name="rangeM">Measured range (m) when valid.</param>
    public bool Measure(double timeS, double trueAltitudeM, out double rangeM)
    {
        rangeM = 0;
        if (!_p.Enabled)
        {
            return false;
        }

        // The delayed-first-return fault: once the altitude has been reached, returns stay possible.
        if (!_altitudeGateOpened && trueAltitudeM <= _p.FirstValidBelowAltitudeM)
        {
            _altitudeGateOpened = true;
        }

        if (!_altitudeGateOpened || trueAltitudeM > _p.MaxRangeM || timeS < (_p.FirstValidAfterS ?? 0))
        {
            return false;
        }

        // Indexed, not foreach: enumerating an IReadOnlyList allocates, and this runs at the LRF rate.
        var windows = _p.DropoutWindows;
        for (var i = 0; i < windows.Count; i++)
        {
            if (timeS >= windows[i].StartS && timeS <= windows[i].EndS)
            {
                return false;
            }
        }

        if (_p.DropoutProbability > 0 && _rng.NextDouble() < _p.DropoutProbability)
        {
            return false;
        }

        rangeM = trueAltitudeM + _p.BiasM + (_p.NoiseStdM > 0 ? _p.NoiseStdM * _rng.NextGaussian() : 0);
        return true;
    }
}
