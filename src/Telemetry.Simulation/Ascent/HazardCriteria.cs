namespace Telemetry.Simulation.Ascent;

/// <summary>
/// What makes a flight truly dangerous, judged on the true state (the termination system sees only navigation): the
/// true impact point beyond a limit line or inside a protected zone, or the vehicle out of control. A run is
/// healthy when it reaches orbit without any of these; a termination of a healthy run is a false termination, and a
/// dangerous run that is never terminated is a missed termination.
/// </summary>
public sealed record HazardCriteria
{
    /// <summary>True attitude off the commanded attitude by more than this while thrusting is loss of control (deg). Default: 30.</summary>
    public double LossOfControlDeg { get; init; } = 30;
}
