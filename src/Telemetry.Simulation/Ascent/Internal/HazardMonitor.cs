using System.Globalization;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// Watches the true state for danger, which the termination channels cannot see: the true impact point (with drag,
/// every debris class) beyond a limit line or inside a protected zone, or loss of control while thrusting. The impact
/// points follow the same schedule as the channels' (every second near a limit, further apart far from one).
/// </summary>
internal sealed class HazardMonitor(AscentScenario s, LaunchFrame frame)
{
    // The true impact points are computed at most once a second, further apart far from a limit (ImpactSchedule).
    private const double CheckEveryS = 1;

    private readonly double _lossOfControlRad = s.Hazard.LossOfControlDeg * (Math.PI / 180);
    private readonly LimitLineSet _lines = new(s.Afts.LimitLines, frame);
    private readonly ImpactPredictor _impact = new(frame);
    private ImpactSchedule _schedule = new();
    private double _nextImpactS;
    private bool _coastChecked;

    public double? TimeS { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>True when the flight becomes dangerous at this check (only the first time); the impact point only when asked.</summary>
    public bool Check(double timeS, in AscentState state, double commandRad, double yawCommandRad, bool thrusting, bool impact)
    {
        if (TimeS is not null)
        {
            return false;
        }

        var (ep, ey) = (state.PitchRad - commandRad, state.YawRad - yawCommandRad);
        var error = Math.Sqrt((ep * ep) + (ey * ey));
        if (thrusting && error > _lossOfControlRad)
        {
            return Become(timeS, string.Create(CultureInfo.InvariantCulture, $"loss of control: attitude {error * 180 / Math.PI:F0} deg off the command"));
        }

        // In free fall above the air the true impact point cannot move: checked once per coast. Otherwise on the
        // schedule of the termination channels' impact points, at most as often as asked.
        var falling = !thrusting && state.AltitudeM >= Atmosphere.TopM;
        if (!impact || (falling && _coastChecked) || (timeS < _nextImpactS - 1e-9 && !(falling && !_coastChecked)))
        {
            return false;
        }

        _coastChecked = falling;
        var (worstEast, worstNorth, margin) = (double.NaN, double.NaN, double.PositiveInfinity);
        foreach (var debris in s.Afts.Debris)
        {
            var (east, north, _) = _impact.Predict(state.Position, state.Velocity, timeS, debris.BallisticCoefficientKgM2);
            if (double.IsNaN(east))
            {
                continue;
            }

            var beyond = _lines.Count > 0 ? _lines.BeyondKm(east, north) : double.NaN;
            var depth = SafetyMap.ZoneDepthKm(s.Afts.ProtectedZones, east, north);
            var classMargin = Math.Min(double.IsNaN(beyond) ? double.PositiveInfinity : -beyond, -depth);
            if (classMargin < margin)
            {
                (worstEast, worstNorth, margin) = (east, north, classMargin);
            }

            if (beyond > 0)
            {
                return Become(timeS, string.Create(CultureInfo.InvariantCulture, $"true impact point ({debris.Name}) {beyond:F1} km beyond a limit line"));
            }

            if (depth > 0)
            {
                return Become(timeS, $"true impact point ({debris.Name}) inside a protected zone");
            }
        }

        _nextImpactS = timeS + _schedule.Next(timeS, worstEast, worstNorth, double.IsInfinity(margin) ? 0 : margin, CheckEveryS);
        return false;
    }

    private bool Become(double timeS, string reason)
    {
        TimeS = timeS;
        Reason = reason;
        return true;
    }
}
