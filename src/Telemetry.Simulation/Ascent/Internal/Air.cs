using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>The air a step flies through: density, speed of sound, wind and gusts, drag and the aerodynamic moment.</summary>
internal sealed class Air
{
    private readonly PiecewiseLinear _drag;
    private readonly PiecewiseLinear _wind;
    private readonly Gust[] _gusts;
    private readonly double _area;
    private readonly double _momentArea;

    public Air(AscentScenario s)
    {
        var v = s.Vehicle;
        _drag = new PiecewiseLinear([.. v.DragByMach.Select(p => p.Mach)], [.. v.DragByMach.Select(p => p.Cd)]);
        _wind = new PiecewiseLinear([.. s.Wind.Profile.Select(p => p.AltitudeM)], [.. s.Wind.Profile.Select(p => p.SpeedMps)]);
        _gusts = [.. s.Wind.Gusts];
        _area = Math.PI * v.DiameterM * v.DiameterM / 4;
        _momentArea = _area * v.NormalForceSlopePerRad * v.CentreOfPressureAheadM;
    }

    /// <summary>Wind along the azimuth at an altitude and time (m/s).</summary>
    public double WindAt(double altitudeM, double timeS)
    {
        var wind = _wind.At(altitudeM);
        foreach (var g in _gusts)
        {
            if (altitudeM >= g.FromAltitudeM && altitudeM <= g.ToAltitudeM)
            {
                wind += g.AmplitudeMps * Math.Sin(2 * Math.PI * timeS / g.PeriodS);
            }
        }

        return wind;
    }

    /// <summary>The air at the start of a step; it is held over the step (a 10 ms step climbs a few metres).</summary>
    public AirSample At(in AscentState s, double timeS, in Vec3 normal)
    {
        var altitude = s.AltitudeM;
        if (altitude >= Atmosphere.TopM)
        {
            return default;
        }

        Atmosphere.At(altitude, out var density, out var sound);
        var wind = WindAt(altitude, timeS);
        var down = Vec3.Cross(normal, s.Position).Unit;
        var air = s.GroundVelocity - (down * wind);
        var speed2 = Vec3.Dot(air, air);
        var mach = Math.Sqrt(speed2) / sound;
        var q = 0.5 * density * speed2;
        var cd = _drag.At(mach);
        return new AirSample(q, mach, q * _area * cd, 0.5 * density * _area * cd, 0.5 * density * _momentArea, wind);
    }
}

/// <summary>Air data of one step.</summary>
/// <param name="DynamicPressurePa">½ ρ V² (Pa).</param>
/// <param name="Mach">Air-relative Mach number.</param>
/// <param name="DragN">Drag (N).</param>
/// <param name="DragFactor">½ ρ S Cd (kg/m).</param>
/// <param name="MomentFactor">½ ρ S CNα x_cp (kg), before dividing by the radius of gyration squared.</param>
/// <param name="WindMps">Wind along the azimuth (m/s).</param>
internal readonly record struct AirSample(
    double DynamicPressurePa, double Mach, double DragN, double DragFactor, double MomentFactor, double WindMps);
