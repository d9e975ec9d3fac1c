namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The performance the termination system is told to expect: sensed acceleration and speed against time, taken from
/// the reference flight (the scenario's vehicle with no faults and no dispersions), sampled every judgement cycle.
/// </summary>
public sealed class ExpectedProfile
{
    private readonly double[] _acceleration;
    private readonly double[] _speed;
    private readonly double _spacingS;

    /// <summary>A profile sampled every <paramref name="spacingS"/> seconds from lift-off.</summary>
    public ExpectedProfile(double spacingS, double[] accelerationMps2, double[] speedMps)
    {
        ArgumentNullException.ThrowIfNull(accelerationMps2);
        ArgumentNullException.ThrowIfNull(speedMps);
        _spacingS = spacingS;
        _acceleration = accelerationMps2;
        _speed = speedMps;
    }

    /// <summary>Time covered (s).</summary>
    public double DurationS => (_speed.Length - 1) * _spacingS;

    /// <summary>Expected sensed acceleration (m/s²) and speed (m/s) at a time; false beyond the profile.</summary>
    public bool TryAt(double timeS, out double accelerationMps2, out double speedMps)
    {
        var x = timeS / _spacingS;
        var i = (int)x;
        if (x < 0 || i >= _speed.Length - 1)
        {
            accelerationMps2 = speedMps = double.NaN;
            return false;
        }

        var f = x - i;
        accelerationMps2 = _acceleration[i] + (f * (_acceleration[i + 1] - _acceleration[i]));
        speedMps = _speed[i] + (f * (_speed[i + 1] - _speed[i]));
        return true;
    }

    /// <summary>Flies the reference flight of a scenario (no faults, no navigation errors) over the performance rule's window.</summary>
    public static ExpectedProfile For(AscentScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Internal.ReferenceFlight.Profile(scenario);
    }
}
