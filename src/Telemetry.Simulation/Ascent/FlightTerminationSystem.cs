using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>
/// One channel of the autonomous flight termination system: each cycle it judges its own navigation snapshot (never
/// the truth) against its rules, and the first rule whose limit has been exceeded for its persistence time inside its
/// arming window is the channel's verdict (latched). Limits are strict: a value exactly at its limit is not a
/// violation. Whether a verdict terminates the flight is for the redundancy vote (<see cref="RedundancyParameters"/>).
/// </summary>
public sealed class FlightTerminationSystem
{
    /// <summary>Number of rules a channel judges (the <see cref="AftsRule"/> values before <see cref="AftsRule.ChannelFault"/>).</summary>
    public const int RuleCount = 6;

    // Sensed acceleration below this (m/s²) means a free fall: well above the navigation noise (0.1 m/s²), well
    // below any thrust or measurable drag.
    private const double FallingBelowMps2 = 1;

    // A persistence clock is a difference of cycle times: allow for their rounding.
    private const double ClockToleranceS = 1e-9;

    private readonly AftsParameters _p;
    private readonly ExpectedProfile _expected;
    private readonly LimitLineSet _lines;
    private readonly ImpactPredictor _impact;
    private readonly AftsRuleParameters[] _rules;
    private readonly RuleReading[] _readings = new RuleReading[RuleCount];
    private readonly double[] _since = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
    private double _nextImpactS;
    private double _lastImpactS = double.NaN;
    private ImpactSchedule _schedule = new();

    /// <param name="parameters">Rules, limits, persistence times, windows, limit lines, zones and debris classes.</param>
    /// <param name="expected">The expected-performance profile (before <see cref="AftsParameters.ExpectedPerformanceScale"/>).</param>
    /// <param name="frame">The launch frame, to place impact points on the map.</param>
    public FlightTerminationSystem(AftsParameters parameters, ExpectedProfile expected, LaunchFrame frame)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(frame);
        _p = parameters;
        _expected = expected;
        _lines = new LimitLineSet(parameters.LimitLines, frame);
        _impact = new ImpactPredictor(frame);
        _rules = new AftsRuleParameters[RuleCount];
        for (var i = 0; i < RuleCount; i++)
        {
            _rules[i] = parameters.Rule((AftsRule)i);
        }
    }

    /// <summary>The channel's verdict, once a rule has fired; null until then.</summary>
    public AftsDecision? Decision { get; private set; }

    /// <summary>Impact point of the worst debris class at the last computation, east of the pad (km); NaN in orbit or without navigation.</summary>
    public double IipEastKm { get; private set; } = double.NaN;

    /// <summary>Impact point of the worst debris class, north of the pad (km); NaN in orbit or without navigation.</summary>
    public double IipNorthKm { get; private set; } = double.NaN;

    /// <summary>The reading of one rule at the last judged cycle.</summary>
    public RuleReading Reading(AftsRule rule) => _readings[(int)rule];

    /// <summary>
    /// Judges one cycle. Returns the verdict when a rule fires now (the first in rule order), else null. After a verdict
    /// the readings still follow what the channel sees (for a vote that waits, or a disabled system), but the verdict stands.
    /// </summary>
    public AftsDecision? Judge(in NavigationSnapshot nav)
    {
        var performance = double.NaN;
        if (!nav.Valid)
        {
            IipEastKm = IipNorthKm = double.NaN;
            _nextImpactS = nav.TimeS;
        }
        else
        {
            // Nothing but gravity acting (no thrust, no air): the vehicle is on the very fall the impact point
            // predicts, so the point stays where it was.
            var falling = nav.SensedAccelerationMps2 < FallingBelowMps2 && !double.IsNaN(_lastImpactS);
            if (nav.TimeS >= _nextImpactS - ClockToleranceS && !falling)
            {
                ImpactPoints(nav);
                _nextImpactS = nav.TimeS + _schedule.Next(nav.TimeS, IipEastKm, IipNorthKm, Margin(), _p.ImpactCycleS);
                _lastImpactS = nav.TimeS;
            }

            performance = Performance(nav);
        }

        var hasIip = nav.Valid && !double.IsNaN(IipEastKm);
        var t = nav.TimeS;
        var fired = -1;
        Span<double> values =
        [
            hasIip && _lines.Count > 0 ? _lines.BeyondKm(IipEastKm, IipNorthKm) : double.NaN,
            hasIip && _p.ProtectedZones.Count > 0 ? SafetyMap.ZoneDepthKm(_p.ProtectedZones, IipEastKm, IipNorthKm) : double.NaN,
            performance,
            nav.Valid ? nav.TotalAttitudeErrorDeg : double.NaN,
            nav.Valid ? nav.TotalRateDegPerS : double.NaN,
            nav.Valid ? 0 : 1,
        ];
        for (var i = 0; i < RuleCount; i++)
        {
            if (Update(i, _rules[i], t, values[i], lowerIsWorse: i == (int)AftsRule.Performance) && fired < 0)
            {
                fired = i;
            }
        }

        if (fired < 0 || Decision is not null)
        {
            return null;
        }

        var r = _readings[fired];
        Decision = new AftsDecision((AftsRule)fired, t, r.Value, r.Limit, r.ViolatedForS);
        return Decision;
    }

    // How far (km) the impact point is from making either impact rule's value cross its limit.
    private double Margin()
    {
        if (double.IsNaN(IipEastKm))
        {
            return 0;
        }

        var margin = double.PositiveInfinity;
        if (_lines.Count > 0 && _p.LimitLine.Enabled && _lines.BeyondKm(IipEastKm, IipNorthKm) is var beyond && !double.IsNaN(beyond))
        {
            margin = Math.Abs(_p.LimitLine.Limit - beyond);
        }

        if (_p.ProtectedZones.Count > 0 && _p.ProtectedZone.Enabled)
        {
            margin = Math.Min(margin, Math.Abs(_p.ProtectedZone.Limit - SafetyMap.ZoneDepthKm(_p.ProtectedZones, IipEastKm, IipNorthKm)));
        }

        return margin;
    }

    // The worst debris class's impact point: the one furthest beyond (or least inside) the limit lines.
    private void ImpactPoints(in NavigationSnapshot nav)
    {
        (IipEastKm, IipNorthKm) = (double.NaN, double.NaN);
        var worst = double.NegativeInfinity;
        var debris = _p.Debris;
        for (var i = 0; i < debris.Count; i++)
        {
            var (east, north, _) = _impact.Predict(nav.Position, nav.Velocity, nav.TimeS, debris[i].BallisticCoefficientKgM2);
            if (double.IsNaN(east))
            {
                continue;
            }

            var beyond = _lines.Count > 0 ? _lines.BeyondKm(east, north) : 0;
            if (beyond > worst || double.IsNaN(IipEastKm) || double.IsNaN(worst))
            {
                (worst, IipEastKm, IipNorthKm) = (beyond, east, north);
            }
        }
    }

    // The smaller of sensed over expected acceleration and, once the expected speed is meaningful, ground speed.
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
            var speedRatio = nav.GroundSpeedMps / (scale * speed);
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
