namespace Telemetry.Simulation.Descent.Internal;

/// <summary>
/// The four guidance phases, run once per guidance cycle on the navigation estimate. Output: throttle and a
/// thrust direction (unit vector in the local vertical/downrange frame).
/// </summary>
internal struct GuidanceComputer
{
    // Horizontal speed is nulled with this time constant (s) once braking is over.
    private const double HorizontalNullingS = 5;

    private readonly GuidanceParameters _p;
    private double _maxThrustN;
    private bool _horizontalAuthority = true;
    private readonly double _minThrottle;
    private readonly int _validationCount;
    private readonly bool _lrfEnabled;
    private double _landingBurnEndS;
    private double _lowGateM;

    public GuidanceComputer(Scenario scenario)
    {
        _p = scenario.Guidance;
        _maxThrustN = scenario.Vehicle.MaxThrustN;
        _minThrottle = scenario.Vehicle.MinThrottle;
        _validationCount = scenario.Navigation.ValidationCount;
        _lrfEnabled = scenario.Lrf.Enabled;
        _lowGateM = _p.LowGateAltitudeM;
        Phase = GuidancePhase.Braking;
    }

    /// <summary>The silent-LRF cross-check fired at the landing-burn start (<see cref="GuidanceParameters.SilentLrfLowGateAltitudeM"/>).</summary>
    public bool LrfDeclaredSilent { get; private set; }

    public GuidancePhase Phase { get; private set; }

    public double Throttle { get; private set; }

    public double UpComponent { get; private set; }

    public double AlongComponent { get; private set; }

    /// <summary>Runs one cycle; returns true when the phase changed.</summary>
    public bool Cycle(in Navigator nav, double massKg, double timeS)
    {
        var before = Phase;
        double up, along;
        var h = nav.AltitudeM;
        var w = nav.VerticalSpeedMps;
        var u = nav.HorizontalSpeedMps;
        if (Phase == GuidancePhase.Braking)
        {
            // Time to go from a constant horizontal deceleration to the gate; E-guidance then shapes both axes.
            var closing = u + _p.GateHorizontalSpeedMps;
            var toGo = _p.GateDownrangeM - nav.DownrangeM;
            var tgo = closing > 0 ? 2 * toGo / closing : 0;
            if (tgo < _p.BrakingEndTimeToGoS)
            {
                Phase = GuidancePhase.VerticalHold;
            }
            else
            {
                up = EGuidance.Acceleration(_p.GateAltitudeM - h, w, -_p.GateDescentRateMps, tgo);
                along = EGuidance.Acceleration(toGo, u, _p.GateHorizontalSpeedMps, tgo);
                Command(nav, massKg, up, along);
                return false;
            }
        }

        if (Phase == GuidancePhase.VerticalHold)
        {
            var lrfUsable = _lrfEnabled && !nav.LrfLatched;
            var validated = nav.LrfAcceptedInRow >= _validationCount;
            if (h <= _p.LandingBurnAltitudeM && (validated || !lrfUsable || _p.LandingBurnOnInertialAltitude))
            {
                if (_p.SilentLrfLowGateAltitudeM is { } raised && nav.LrfReturns == 0)
                {
                    LrfDeclaredSilent = true;
                    _lowGateM = raised;
                }

                var descent = Math.Max(1, -w + _p.LowGateDescentRateMps);
                _landingBurnEndS = timeS + (_p.LandingBurnTimeFactor * 2 * Math.Max(0, h - _lowGateM) / descent);
                Phase = GuidancePhase.LandingBurn;
            }
            else
            {
                var accel = _p.HoldThrottle * _maxThrustN / massKg;
                along = Math.Clamp(-u / HorizontalNullingS, -0.3 * accel, 0.3 * accel);
                Set(_p.HoldThrottle, Math.Sqrt((accel * accel) - (along * along)) / accel, along / accel);
                return before != Phase;
            }
        }

        if (Phase == GuidancePhase.LandingBurn)
        {
            var tgo = _landingBurnEndS - timeS;
            if (h <= _lowGateM || tgo < 1)
            {
                Phase = GuidancePhase.TerminalDescent;
            }
            else
            {
                // Behind the stopping curve (the LRF came late), no profile is flyable: brake at full thrust.
                var toGo = Math.Max(1, h - _lowGateM);
                var needed = ((w * w) - (_p.LowGateDescentRateMps * _p.LowGateDescentRateMps)) / (2 * toGo);
                var available = (_maxThrustN / massKg) - LocalGravity(nav);
                if (w < 0 && needed > _p.FullThrustRatio * available)
                {
                    Set(1, 1, 0);
                    return before != Phase;
                }

                up = EGuidance.Acceleration(_lowGateM - h, w, -_p.LowGateDescentRateMps, tgo);
                Command(nav, massKg, up, -u / HorizontalNullingS);
                return before != Phase;
            }
        }

        up = _p.TerminalRateGainPerS * (-_p.TerminalDescentRateMps - w);
        Command(nav, massKg, up, -u / HorizontalNullingS);
        return before != Phase;
    }

    /// <summary>An engine is lost: guidance brakes on what is left and can no longer steer sideways.</summary>
    public void LoseEngine(double remainingThrustN)
    {
        _maxThrustN = remainingThrustN;
        _horizontalAuthority = false;
    }

    /// <summary>Stops guidance for good (propellant out or contact).</summary>
    public void End(GuidancePhase phase)
    {
        Phase = phase;
        Set(0, 1, 0);
    }

    // Gravity less the centrifugal term of horizontal speed (m/s², down).
    private static double LocalGravity(in Navigator nav)
    {
        var invR = 1 / nav.RadiusM;
        var u = nav.HorizontalSpeedMps;
        return (Moon.Mu * invR * invR) - (u * u * invR);
    }

    // Turns a commanded kinematic acceleration into thrust: add back gravity, centrifugal and Coriolis terms.
    private void Command(in Navigator nav, double massKg, double upAccel, double alongAccel)
    {
        var invR = 1 / nav.RadiusM;
        var u = nav.HorizontalSpeedMps;
        var up = upAccel + LocalGravity(nav);
        var along = _horizontalAuthority ? alongAccel + (nav.VerticalSpeedMps * u * invR) : 0;

        // The engine cannot push the lander down.
        up = Math.Max(0, up);
        var magnitude = Math.Sqrt((up * up) + (along * along));
        if (magnitude < 1e-9)
        {
            Set(_minThrottle, 1, 0);
            return;
        }

        var throttle = Math.Clamp(magnitude * massKg / _maxThrustN, _minThrottle, 1);
        Set(throttle, up / magnitude, along / magnitude);
    }

    private void Set(double throttle, double up, double along)
    {
        Throttle = throttle;
        UpComponent = up;
        AlongComponent = along;
    }
}
