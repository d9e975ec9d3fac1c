namespace Telemetry.Simulation.Descent.Internal;

/// <summary>
/// Onboard navigation: the altitude filter for the vertical channel, dead reckoning downrange. The onboard
/// terrain model is flat at the height of the terrain under the start point, which is what a cliff breaks.
/// </summary>
internal struct Navigator
{
    private readonly double _datumRadiusM;
    private AltitudeFilter _filter;

    public Navigator(NavigationParameters p, double trueAltitudeM, double trueUpMps, double horizontalMps, double datumM)
    {
        _datumRadiusM = Moon.RadiusM + datumM;
        _filter = new AltitudeFilter(
            trueAltitudeM + p.InitialAltitudeErrorM, trueUpMps + p.InitialVerticalSpeedErrorMps,
            p.InitialAltitudeSigmaM, p.InitialVerticalSpeedSigmaMps, p.ProcessNoiseMps2PerSqrtHz, p.LrfSigmaM,
            p.GateChiSquare, p.LatchRejections, p.ReadmitAfterConsistent);
        HorizontalSpeedMps = horizontalMps;
    }

    /// <summary>Estimated altitude above the (assumed flat) terrain (m).</summary>
    public readonly double AltitudeM => _filter.AltitudeM;

    /// <summary>Estimated vertical speed (m/s, positive up).</summary>
    public readonly double VerticalSpeedMps => _filter.VerticalSpeedMps;

    /// <summary>Estimated horizontal speed (m/s).</summary>
    public double HorizontalSpeedMps { get; private set; }

    /// <summary>Estimated downrange distance (m).</summary>
    public double DownrangeM { get; private set; }

    /// <summary>Estimated distance from the Moon's centre (m).</summary>
    public readonly double RadiusM => _datumRadiusM + _filter.AltitudeM;

    public readonly bool LrfLatched => _filter.Latched;

    public readonly int LrfAcceptedInRow => _filter.AcceptedInRow;

    /// <summary>LRF returns offered to navigation so far, whatever became of them.</summary>
    public int LrfReturns { get; private set; }

    /// <summary>
    /// Propagates over <paramref name="dt"/> on measured thrust Δv (m/s) plus the gravity model (gravity less the
    /// centrifugal term, and the Coriolis-like term), integrated with Heun's predictor-corrector.
    /// </summary>
    public void Propagate(double deltaVUp, double deltaVAlong, double dt)
    {
        var w0 = _filter.VerticalSpeedMps;
        var u0 = HorizontalSpeedMps;
        var r0 = RadiusM;
        Field(r0, w0, u0, out var up0, out var along0);
        var w1 = w0 + deltaVUp + (up0 * dt);
        var u1 = u0 + deltaVAlong + (along0 * dt);
        Field(r0 + (0.5 * (w0 + w1) * dt), w1, u1, out var up1, out var along1);
        var w = w0 + deltaVUp + (0.5 * (up0 + up1) * dt);
        var u = u0 + deltaVAlong + (0.5 * (along0 + along1) * dt);
        DownrangeM += 0.5 * (u0 + u) * dt * Moon.RadiusM / r0;
        HorizontalSpeedMps = u;
        _filter.Predict((w - w0) / dt, dt);
    }

    private static void Field(double r, double w, double u, out double up, out double along)
    {
        var invR = 1 / r;
        up = (u * u * invR) - (Moon.Mu * invR * invR);
        along = -w * u * invR;
    }

    public UpdateOutcome UpdateAltitude(double measuredAltitudeM)
    {
        LrfReturns++;
        return _filter.Update(measuredAltitudeM);
    }
}
