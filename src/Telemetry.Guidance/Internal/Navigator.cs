namespace Telemetry.Guidance.Internal;

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
            p.GateChiSquare, p.LatchRejections);
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

    /// <summary>Propagates on measured non-gravitational acceleration (m/s²) plus the gravity model.</summary>
    public void Propagate(double measuredUp, double measuredAlong, double dt)
    {
        var invR = 1 / RadiusM;
        var u = HorizontalSpeedMps;
        var up = measuredUp + (u * u * invR) - (Moon.Mu * invR * invR);
        var along = measuredAlong - (_filter.VerticalSpeedMps * u * invR);
        DownrangeM += (u + (0.5 * along * dt)) * dt * Moon.RadiusM * invR;
        HorizontalSpeedMps = u + (along * dt);
        _filter.Predict(up, dt);
    }

    public UpdateOutcome UpdateAltitude(double measuredAltitudeM) => _filter.Update(measuredAltitudeM);
}
