using System.Globalization;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>Collects the timeline events of one run; it only allocates when something happens.</summary>
internal sealed class Timeline
{
    private readonly double[] _crossings;
    private readonly bool[] _crossed;
    private bool _lrfSeen;
    private bool _inRejectionRun;

    public Timeline(IReadOnlyList<double> altitudesM, ScenarioReference? reference)
    {
        // Reference figures measured at an altitude need that crossing recorded too.
        var all = new SortedSet<double>(altitudesM);
        if (reference is not null)
        {
            foreach (var figure in reference.Figures)
            {
                if (figure.Metric == ReferenceMetric.DescentRateAtAltitudeMps)
                {
                    all.Add(figure.AtAltitudeM);
                }
            }
        }

        _crossings = [.. all.Reverse()];
        _crossed = new bool[_crossings.Length];
        NextCrossingM = _crossings.Length > 0 ? _crossings[0] : double.NegativeInfinity;
    }

    /// <summary>The highest altitude not yet crossed (m): nothing to check while above it.</summary>
    public double NextCrossingM { get; private set; }

    public List<TimelineEvent> Events { get; } = [];

    public void Add(
        double time, TimelineEventKind kind, string description, double altitude, double estimate, in BodyState s)
    {
        Events.Add(new TimelineEvent(time, kind, description, altitude, estimate, -s.RadialSpeedMps,
            Math.Abs(s.TangentialSpeedMps)));
    }

    public void PhaseChanged(
        double time, GuidancePhase from, GuidancePhase to, double altitude, double estimate, in BodyState s)
    {
        if (from != to)
        {
            Add(time, TimelineEventKind.PhaseChange, $"{from} -> {to}", altitude, estimate, s);
        }
    }

    public void CheckCrossings(
        double t0, double dt, double h0, double h1, double e0, double e1, in BodyState s0, in BodyState s1)
    {
        for (var i = 0; i < _crossings.Length; i++)
        {
            var a = _crossings[i];
            if (_crossed[i] || !(h0 > a && h1 <= a))
            {
                continue;
            }

            _crossed[i] = true;
            NextCrossingM = i + 1 < _crossings.Length ? _crossings[i + 1] : double.NegativeInfinity;
            var f = (h0 - a) / (h0 - h1);
            var at = new BodyState(
                0, 0, s0.RadialSpeedMps + (f * (s1.RadialSpeedMps - s0.RadialSpeedMps)),
                s0.TangentialSpeedMps + (f * (s1.TangentialSpeedMps - s0.TangentialSpeedMps)), s1.MassKg);
            var text = string.Create(CultureInfo.InvariantCulture, $"Crossed {a:F0} m at {-at.RadialSpeedMps:F1} m/s down");
            Add(t0 + (f * dt), TimelineEventKind.AltitudeCrossed, text, a, e0 + (f * (e1 - e0)), at);
        }
    }

    public void LrfReturn(double time, double range, double altitude, double estimate, in BodyState s)
    {
        if (!_lrfSeen)
        {
            _lrfSeen = true;
            var text = string.Create(CultureInfo.InvariantCulture, $"LRF first valid return: {range:F0} m");
            Add(time, TimelineEventKind.LrfFirstValid, text, altitude, estimate, s);
        }
    }

    public void NavigationUpdate(
        UpdateOutcome outcome, double time, double range, double altitude, double estimate, in BodyState s)
    {
        switch (outcome)
        {
            case UpdateOutcome.Accepted:
                _inRejectionRun = false;
                break;
            case UpdateOutcome.Rejected when !_inRejectionRun:
                _inRejectionRun = true;
                Add(time, TimelineEventKind.LrfRejected, string.Create(CultureInfo.InvariantCulture,
                    $"Innovation gate rejected LRF {range:F0} m against estimate {estimate:F0} m"), altitude, estimate, s);
                break;
            case UpdateOutcome.Latched:
                Add(time, TimelineEventKind.LrfLatchedFailed, "LRF declared failed: navigation continues on the IMU alone",
                    altitude, estimate, s);
                break;
            case UpdateOutcome.Readmitted:
                Add(time, TimelineEventKind.LrfReadmitted, string.Create(CultureInfo.InvariantCulture,
                    $"LRF re-admitted: its returns held one offset from the estimate; navigation takes {range:F0} m"), altitude, estimate, s);
                break;
            default:
                break;
        }
    }
}
