namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The autonomous flight termination system as a component: each cycle it judges one navigation snapshot (never the
/// truth) against its rules, and the first rule whose limit has been exceeded for its persistence time inside its
/// arming window terminates the flight. Limits are strict: a value exactly at its limit is not a violation.
/// </summary>
public sealed class FlightTerminationSystem
{
    /// <summary>Number of rules (<see cref="AftsRule"/> values).</summary>
    public const int RuleCount = 6;

    // A persistence clock is a difference of cycle times: allow for their rounding.
    private const double ClockToleranceS = 1e-9;

    private readonly AftsParameters _p;
    private readonly ExpectedProfile _expected;
    private readonly (double Sin, double Cos) _azimuth;
    private readonly CorridorShape _corridor;
    private readonly AftsRuleParameters[] _rules;
    private readonly RuleReading[] _readings = new RuleReading[RuleCount];
    private readonly double[] _since = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];

    /// <param name="parameters">Rules, limits, persistence times, windows, corridor and zones.</param>
    /// <param name="expected">The expected-performance profile (before <see cref="AftsParameters.ExpectedPerformanceScale"/>).</param>
    /// <param name="azimuthDeg">Launch azimuth (deg), to place the impact point on the map.</param>
    public FlightTerminationSystem(AftsParameters parameters, ExpectedProfile expected, double azimuthDeg)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(expected);
        _p = parameters;
        _expected = expected;
        _azimuth = Math.SinCos(azimuthDeg * (Math.PI / 180));
        _corridor = new CorridorShape(parameters.Corridor);
        _rules = new AftsRuleParameters[RuleCount];
        for (var i = 0; i < RuleCount; i++)
        {
            _rules[i] = parameters.Rule((AftsRule)i);
        }
    }

    /// <summary>The termination, once a rule has fired; null until then.</summary>
    public AftsDecision? Decision { get; private set; }

    /// <summary>Impact point of the last judged snapshot, east of the pad (km); NaN in orbit or without navigation.</summary>
    public double IipEastKm { get; private set; } = double.NaN;

    /// <summary>Impact point of the last judged snapshot, north of the pad (km); NaN in orbit or without navigation.</summary>
    public double IipNorthKm { get; private set; } = double.NaN;

    /// <summary>The reading of one rule at the last judged cycle.</summary>
    public RuleReading Reading(AftsRule rule) => _readings[(int)rule];

    /// <summary>True when the system may terminate the flight (<see cref="AftsParameters.Enabled"/>).</summary>
    public bool Enabled => _p.Enabled;

    /// <summary>Judges one cycle. Returns the decision when a rule fires now (the first in rule order), else null; nothing changes after a decision.</summary>
    public AftsDecision? Judge(in NavigationSnapshot nav)
    {
        if (Decision is not null)
        {
            return null;
        }

        var outside = double.NaN;
        var depth = double.NaN;
        var performance = double.NaN;
        IipEastKm = IipNorthKm = double.NaN;
        if (nav.Valid)
        {
            if (Trajectory.ImpactDownrangeM(nav.RadiusM, nav.AngleRad, nav.RadialSpeedMps, nav.HorizontalSpeedMps) is { } iip)
            {
                (IipEastKm, IipNorthKm) = Trajectory.OnMap(iip, _azimuth);
                outside = _corridor.OutsideKm(IipEastKm, IipNorthKm);
                depth = _p.ProtectedZones.Count > 0 ? SafetyMap.ZoneDepthKm(_p.ProtectedZones, IipEastKm, IipNorthKm) : double.NaN;
            }

            performance = Performance(nav);
        }

        var t = nav.TimeS;
        var fired = -1;
        Span<double> values =
        [
            outside, depth, performance,
            nav.Valid ? Math.Abs(nav.AttitudeErrorDeg) : double.NaN,
            nav.Valid ? Math.Abs(nav.RateDegPerS) : double.NaN,
            nav.Valid ? 0 : 1,
        ];
        for (var i = 0; i < RuleCount; i++)
        {
            var rule = (AftsRule)i;
            if (Update(i, _rules[i], t, values[i], lowerIsWorse: rule == AftsRule.Performance) && fired < 0)
            {
                fired = i;
            }
        }

        // A disabled system still shows what it would have seen, but never acts.
        if (fired < 0 || !_p.Enabled)
        {
            return null;
        }

        var r = _readings[fired];
        Decision = new AftsDecision((AftsRule)fired, t, r.Value, r.Limit, r.ViolatedForS);
        return Decision;
    }

    // The smaller of sensed over expected acceleration and, once the expected speed is meaningful, speed.
    private double Performance(in NavigationSnapshot nav)
    {
        if (!_expected.TryAt(nav.TimeS, out var acceleration, out var speed))
        {
            return double.NaN;
        }

        var scale = _p.ExpectedPerformanceScale;
        var ratio = acceleration > 0 ? nav.SensedAccelerationMps2 / (scale * acceleration) : double.NaN;
        if (speed * scale >= _p.PerformanceMinExpectedSpeedMps)
        {
            var speedRatio = nav.SpeedMps / (scale * speed);
            ratio = double.IsNaN(ratio) ? speedRatio : Math.Min(ratio, speedRatio);
        }

        return ratio;
    }

    private bool Update(int i, AftsRuleParameters rule, double t, double value, bool lowerIsWorse)
    {
        var armed = rule.Enabled && t >= rule.ArmedFromS && t <= rule.ArmedUntilS && !double.IsNaN(value);
        var violated = armed && (lowerIsWorse ? value < rule.Limit : value > rule.Limit);
        if (!violated)
        {
            _since[i] = double.NaN;
            _readings[i] = new RuleReading(armed, armed ? value : double.NaN, rule.Limit, false, 0);
            return false;
        }

        if (double.IsNaN(_since[i]))
        {
            _since[i] = t;
        }

        var duration = t - _since[i];
        _readings[i] = new RuleReading(true, value, rule.Limit, true, duration);
        return duration >= rule.PersistenceS - ClockToleranceS;
    }
}
