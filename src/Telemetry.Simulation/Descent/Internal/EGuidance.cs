namespace Telemetry.Simulation.Descent.Internal;

/// <summary>
/// Apollo-style explicit (E-) guidance on one axis: the acceleration now, assuming it varies linearly with time,
/// that reaches a target position and speed in <c>timeToGoS</c>. Position is then quadratic-plus-cubic in time.
/// </summary>
internal static class EGuidance
{
    /// <summary>Commanded acceleration (m/s², excluding gravity) along one axis.</summary>
    /// <param name="positionToGoM">Target position minus current position (m).</param>
    /// <param name="speedMps">Current speed along the axis (m/s).</param>
    /// <param name="targetSpeedMps">Speed wanted at the target (m/s).</param>
    /// <param name="timeToGoS">Time left (s, positive).</param>
    public static double Acceleration(double positionToGoM, double speedMps, double targetSpeedMps, double timeToGoS)
    {
        var t = timeToGoS;
        return (6 * (positionToGoM - (speedMps * t)) / (t * t)) - (2 * (targetSpeedMps - speedMps) / t);
    }
}
