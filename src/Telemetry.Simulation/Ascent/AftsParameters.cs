namespace Telemetry.Simulation.Ascent;

/// <summary>
/// The autonomous flight termination system: rules over the navigation solution, each with a limit, a persistence
/// time and an arming window. A rule fires when its limit has been exceeded continuously for at least its
/// persistence time inside its window; the first rule to fire terminates the flight.
/// </summary>
public sealed record AftsParameters
{
    /// <summary>False flies with no termination system at all. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Judgement cycle (s); rounded to a whole number of integration steps. Default: 0.05 (20 Hz).</summary>
    public double CycleS { get; init; } = 0.05;

    /// <summary>
    /// The expected-performance setting: the profile the system is told to expect, as a multiple of the reference
    /// flight's sensed acceleration and speed (the fault-free, undispersed vehicle). Default: 1.
    /// </summary>
    public double ExpectedPerformanceScale { get; init; } = 1;

    /// <summary>The speed part of the performance rule ignores instants whose expected speed is below this (m/s). Default: 20.</summary>
    public double PerformanceMinExpectedSpeedMps { get; init; } = 20;

    /// <summary>Instantaneous impact point outside the corridor by more than the limit (km). Default: limit 0, 1 s.</summary>
    public AftsRuleParameters IipCorridor { get; init; } = new() { Limit = 0, PersistenceS = 1 };

    /// <summary>Instantaneous impact point inside a protected zone by more than the limit (km). Default: limit 0, 0.5 s.</summary>
    public AftsRuleParameters ProtectedZone { get; init; } = new() { Limit = 0, PersistenceS = 0.5 };

    /// <summary>
    /// Sensed acceleration or speed below this fraction of the expected profile. Default: 0.85 for 4 s, armed from
    /// 1 s (clear of the tower) to 85 s (before the first stage's tail-off, whose timing varies from motor to motor).
    /// </summary>
    public AftsRuleParameters Performance { get; init; } = new() { Limit = 0.85, PersistenceS = 4, ArmedFromS = 1, ArmedUntilS = 85 };

    /// <summary>Navigated attitude off the commanded attitude by more than the limit (deg). Default: 15 for 1 s, from 1 s.</summary>
    public AftsRuleParameters AttitudeError { get; init; } = new() { Limit = 15, PersistenceS = 1, ArmedFromS = 1 };

    /// <summary>Navigated pitch rate beyond the limit (deg/s). Default: 4 for 0.3 s, from 1 s.</summary>
    public AftsRuleParameters AttitudeRate { get; init; } = new() { Limit = 4, PersistenceS = 0.3, ArmedFromS = 1 };

    /// <summary>No valid navigation solution (the limit is unused). Default: 2 s.</summary>
    public AftsRuleParameters NavigationLoss { get; init; } = new() { Limit = 0, PersistenceS = 2 };

    /// <summary>The safety corridor for the impact point: a polygon on the local map around the pad. Default: a fan along the azimuth.</summary>
    public IReadOnlyList<MapPoint> Corridor { get; init; } = KairosRange.Corridor;

    /// <summary>Areas the impact point must never enter. Default: the coast uprange of the pad.</summary>
    public IReadOnlyList<ProtectedZone> ProtectedZones { get; init; } = KairosRange.ProtectedZones;

    /// <summary>The settings of one rule.</summary>
    public AftsRuleParameters Rule(AftsRule rule) => rule switch
    {
        AftsRule.IipCorridor => IipCorridor,
        AftsRule.ProtectedZone => ProtectedZone,
        AftsRule.Performance => Performance,
        AftsRule.AttitudeError => AttitudeError,
        AftsRule.AttitudeRate => AttitudeRate,
        _ => NavigationLoss,
    };

    /// <summary>A copy with one rule's settings replaced.</summary>
    public AftsParameters WithRule(AftsRule rule, AftsRuleParameters settings) => rule switch
    {
        AftsRule.IipCorridor => this with { IipCorridor = settings },
        AftsRule.ProtectedZone => this with { ProtectedZone = settings },
        AftsRule.Performance => this with { Performance = settings },
        AftsRule.AttitudeError => this with { AttitudeError = settings },
        AftsRule.AttitudeRate => this with { AttitudeRate = settings },
        _ => this with { NavigationLoss = settings },
    };
}

/// <summary>The rules of the flight termination system.</summary>
public enum AftsRule
{
    /// <summary>Impact point outside the safety corridor.</summary>
    IipCorridor,

    /// <summary>Impact point inside a protected zone.</summary>
    ProtectedZone,

    /// <summary>Sensed acceleration or speed short of the expected profile.</summary>
    Performance,

    /// <summary>Attitude off the commanded attitude.</summary>
    AttitudeError,

    /// <summary>Pitch rate too high.</summary>
    AttitudeRate,

    /// <summary>No valid navigation.</summary>
    NavigationLoss,
}

/// <summary>One rule's settings.</summary>
public sealed record AftsRuleParameters
{
    /// <summary>False never evaluates the rule. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The threshold, in the rule's unit (see <see cref="AftsParameters"/>). Default: 0.</summary>
    public double Limit { get; init; }

    /// <summary>How long the limit must be exceeded without a break before the rule fires (s). Default: 0.</summary>
    public double PersistenceS { get; init; }

    /// <summary>The rule is armed from this time (s since lift-off). Default: 0.</summary>
    public double ArmedFromS { get; init; }

    /// <summary>The rule is armed until this time (s since lift-off). Default: 100000 (the whole flight).</summary>
    public double ArmedUntilS { get; init; } = 100_000;
}

/// <summary>A point on the local map: kilometres east and north of the pad (a flat approximation near the pad).</summary>
public sealed record MapPoint
{
    /// <summary>East of the pad (km). Default: 0.</summary>
    public double EastKm { get; init; }

    /// <summary>North of the pad (km). Default: 0.</summary>
    public double NorthKm { get; init; }
}

/// <summary>A circular protected zone on the local map.</summary>
public sealed record ProtectedZone
{
    /// <summary>What it protects. Default: zone.</summary>
    public string Name { get; init; } = "zone";

    /// <summary>Centre, east of the pad (km). Default: 0.</summary>
    public double EastKm { get; init; }

    /// <summary>Centre, north of the pad (km). Default: 0.</summary>
    public double NorthKm { get; init; }

    /// <summary>Radius (km). Default: 1.</summary>
    public double RadiusKm { get; init; } = 1;
}
