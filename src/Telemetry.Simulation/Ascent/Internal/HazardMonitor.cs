using System.Globalization;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// Watches the true state for danger, which the termination system cannot see: the true impact point outside the
/// corridor or inside a protected zone, or loss of control while thrusting.
/// </summary>
internal sealed class HazardMonitor(AscentScenario s)
{
    private readonly double _lossOfControlRad = s.Hazard.LossOfControlDeg * (Math.PI / 180);
    private readonly CorridorShape _corridor = new(s.Afts.Corridor);
    private readonly (double Sin, double Cos) _azimuth = Math.SinCos(s.Launch.AzimuthDeg * (Math.PI / 180));

    public double? TimeS { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>True when the flight becomes dangerous at this check (only the first time).</summary>
    public bool Check(double timeS, in AscentState state, double commandRad, bool thrusting)
    {
        if (TimeS is not null)
        {
            return false;
        }

        var error = Math.Abs(state.PitchRad - commandRad);
        if (thrusting && error > _lossOfControlRad)
        {
            return Become(timeS, string.Create(CultureInfo.InvariantCulture, $"loss of control: attitude {error * 180 / Math.PI:F0} deg off the command"));
        }

        if (Trajectory.ImpactDownrangeM(state.RadiusM, state.AngleRad, state.RadialSpeedMps, state.HorizontalSpeedMps) is not { } iip)
        {
            return false;
        }

        var (east, north) = Trajectory.OnMap(iip, _azimuth);
        var outside = _corridor.OutsideKm(east, north);
        if (outside > 0)
        {
            return Become(timeS, string.Create(CultureInfo.InvariantCulture, $"true impact point {outside:F1} km outside the corridor"));
        }

        return SafetyMap.ZoneDepthKm(s.Afts.ProtectedZones, east, north) > 0 && Become(timeS, "true impact point inside a protected zone");
    }

    private bool Become(double timeS, string reason)
    {
        TimeS = timeS;
        Reason = reason;
        return true;
    }
}
