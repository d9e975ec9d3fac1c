namespace Telemetry.Simulation.Descent.Internal;

/// <summary>What <see cref="AltitudeFilter.Update"/> did with a measurement.</summary>
internal enum UpdateOutcome
{
    Accepted,
    Rejected,

    /// <summary>Rejected, and this rejection declared the sensor failed.</summary>
    Latched,

    /// <summary>The sensor was already declared failed; the measurement was not used.</summary>
    Ignored,

    /// <summary>The sensor had been declared failed; its steady offset re-admitted it, and the estimate took its value.</summary>
    Readmitted,
}

/// <summary>
/// Two-state Kalman filter (altitude, vertical speed up) propagated on measured acceleration and updated on
/// altitude behind a chi-square innovation gate, with a latch after N consecutive rejections.
/// </summary>
internal struct AltitudeFilter
{
    private readonly double _processNoiseSq;
    private readonly double _measurementVariance;
    private readonly double _gate;
    private readonly int _latchAfter;
    private readonly int _readmitAfter;
    private int _consistentInRow;
    private double _lastOffset;
    private double _p00;
    private double _p01;
    private double _p11;
    private int _rejectionsInRow;

    public AltitudeFilter(
        double altitudeM, double verticalSpeedMps, double altitudeSigmaM, double speedSigmaMps,
        double processNoiseDensity, double measurementSigmaM, double gateChiSquare, int latchAfter, int readmitAfter = 0)
    {
        AltitudeM = altitudeM;
        VerticalSpeedMps = verticalSpeedMps;
        _p00 = altitudeSigmaM * altitudeSigmaM;
        _p01 = 0;
        _p11 = speedSigmaMps * speedSigmaMps;
        _processNoiseSq = processNoiseDensity * processNoiseDensity;
        _measurementVariance = measurementSigmaM * measurementSigmaM;
        _gate = gateChiSquare;
        _latchAfter = latchAfter;
        _readmitAfter = readmitAfter;
        _lastOffset = double.NaN;
    }

    /// <summary>Altitude estimate (m).</summary>
    public double AltitudeM { get; private set; }

    /// <summary>Vertical speed estimate (m/s, positive up).</summary>
    public double VerticalSpeedMps { get; private set; }

    /// <summary>Altitude standard deviation (m).</summary>
    public readonly double AltitudeSigmaM => Math.Sqrt(_p00);

    /// <summary>True once the measurements have been declared failed.</summary>
    public bool Latched { get; private set; }

    /// <summary>Accepted updates since the last rejection.</summary>
    public int AcceptedInRow { get; private set; }

    /// <summary>Last innovation squared over its variance.</summary>
    public double LastNormalizedInnovation { get; private set; }

    /// <summary>Propagates by <paramref name="dt"/> with a constant vertical acceleration (m/s², up).</summary>
    public void Predict(double accelerationUp, double dt)
    {
        AltitudeM += (VerticalSpeedMps * dt) + (0.5 * accelerationUp * dt * dt);
        VerticalSpeedMps += accelerationUp * dt;

        // P = F P Fᵀ + Q for F = [1 dt; 0 1] and white acceleration noise.
        var p00 = _p00 + (dt * ((2 * _p01) + (dt * _p11)));
        var p01 = _p01 + (dt * _p11);
        _p00 = p00 + (_processNoiseSq * dt * dt * dt / 3);
        _p01 = p01 + (_processNoiseSq * dt * dt / 2);
        _p11 += _processNoiseSq * dt;
    }

    /// <summary>Offers an altitude measurement (m).</summary>
    public UpdateOutcome Update(double measuredAltitudeM)
    {
        if (Latched)
        {
            return Readmit(measuredAltitudeM);
        }

        var innovation = measuredAltitudeM - AltitudeM;
        var s = _p00 + _measurementVariance;
        LastNormalizedInnovation = innovation * innovation / s;
        if (LastNormalizedInnovation > _gate)
        {
            AcceptedInRow = 0;
            _rejectionsInRow++;
            if (_rejectionsInRow >= _latchAfter)
            {
                Latched = true;
                return UpdateOutcome.Latched;
            }

            return UpdateOutcome.Rejected;
        }

        _rejectionsInRow = 0;
        AcceptedInRow++;
        var k0 = _p00 / s;
        var k1 = _p01 / s;
        AltitudeM += k0 * innovation;
        VerticalSpeedMps += k1 * innovation;
        var p00 = _p00;
        var p01 = _p01;
        _p00 = p00 - (k0 * p00);
        _p01 = p01 - (k0 * p01);
        _p11 -= k1 * p01;
        return UpdateOutcome.Accepted;
    }

    // A terrain step moves every later return by one offset against the inertial estimate, while a failing sensor
    // scatters: after enough returns at one offset (each within four sigmas of the last) the sensor is trusted again.
    private UpdateOutcome Readmit(double measuredAltitudeM)
    {
        if (_readmitAfter == 0)
        {
            return UpdateOutcome.Ignored;
        }

        var offset = measuredAltitudeM - AltitudeM;
        var steady = !double.IsNaN(_lastOffset) && Math.Abs(offset - _lastOffset) <= 4 * Math.Sqrt(_measurementVariance);
        _consistentInRow = steady ? _consistentInRow + 1 : 1;
        _lastOffset = offset;
        if (_consistentInRow < _readmitAfter)
        {
            return UpdateOutcome.Ignored;
        }

        AltitudeM = measuredAltitudeM;
        _p00 = _measurementVariance;
        _p01 = 0;
        (Latched, _rejectionsInRow, AcceptedInRow, _consistentInRow, _lastOffset) = (false, 0, 0, 0, double.NaN);
        return UpdateOutcome.Readmitted;
    }
}
