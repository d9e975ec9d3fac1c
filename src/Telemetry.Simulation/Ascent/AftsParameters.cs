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

    /// <summary>The instantaneous impact point (with drag, for every debris class) beyond a limit line (km). Default: limit 0, 0.5 s.</summary>
    public AftsRuleParameters LimitLine { get; init; } = new() { Limit = 0, PersistenceS = 0.5 };

    /// <summary>Instantaneous impact point inside a protected zone by more than the limit (km). Default: limit 0, 0.5 s.</summary>
    public AftsRuleParameters ProtectedZone { get; init; } = new() { Limit = 0, PersistenceS = 0.5 };

    /// <summary>
    /// Sensed acceleration or ground speed below this fraction of the expected profile. Default: 0.85 for 4 s, armed
    /// from 1 s (clear of the tower) to 85 s.
    /// </summary>
    public AftsRuleParameters Performance { get; init; } = new() { Limit = 0.85, PersistenceS = 4, ArmedFromS = 1, ArmedUntilS = 85 };

    /// <summary>Navigated attitude off the commanded attitude, pitch and yaw together, by more than the limit (deg). Default: 15 for 1 s, from 1 s.</summary>
    public AftsRuleParameters AttitudeError { get; init; } = new() { Limit = 15, PersistenceS = 1, ArmedFromS = 1 };

    /// <summary>Navigated angular rate, pitch and yaw together, beyond the limit (deg/s). Default: 10 for 0.5 s, from 1 s (loose: the flown system let flight 2 wobble for a hundred seconds).</summary>
    public AftsRuleParameters AttitudeRate { get; init; } = new() { Limit = 10, PersistenceS = 0.5, ArmedFromS = 1 };

    /// <summary>No valid navigation solution (the limit is unused). Default: 2 s.</summary>
    public AftsRuleParameters NavigationLoss { get; init; } = new() { Limit = 0, PersistenceS = 2 };

    /// <summary>
    /// A channel's self-test reports a fault of the channel itself (the limit is unused): the persistence is how long
    /// the built-in test must see it before the channel declares itself faulty. Default: 0.5 s.
    /// </summary>
    public AftsRuleParameters ChannelFault { get; init; } = new() { Limit = 0, PersistenceS = 0.5 };

    /// <summary>Limit lines on the ground (latitude/longitude polylines), each with its forbidden side. Default: the Kii corridor.</summary>
    public IReadOnlyList<LimitLine> LimitLines { get; init; } = KairosRange.LimitLines;

    /// <summary>Areas the impact point must never enter. Default: the coast uprange of the pad.</summary>
    public IReadOnlyList<ProtectedZone> ProtectedZones { get; init; } = KairosRange.ProtectedZones;

    /// <summary>Debris classes whose impact points are judged (the worst counts). Default: heavy and light fragments.</summary>
    public IReadOnlyList<DebrisClass> Debris { get; init; } = KairosRange.Debris;

    /// <summary>
    /// The impact points are recomputed every this many seconds (held in between); a whole number of judgement
    /// cycles. Default: 0.25.
    /// </summary>
    public double ImpactCycleS { get; init; } = 0.25;

    /// <summary>The termination channels, each with its own navigation and judge. Default: two, A and B.</summary>
    public IReadOnlyList<AftsChannel> Channels { get; init; } = [new() { Name = "A" }, new() { Name = "B" }];

    /// <summary>How the channels' verdicts and self-tests combine into a termination.</summary>
    public RedundancyParameters Redundancy { get; init; } = new();

    /// <summary>The settings of one rule.</summary>
    public AftsRuleParameters Rule(AftsRule rule) => rule switch
    {
        AftsRule.LimitLine => LimitLine,
        AftsRule.ProtectedZone => ProtectedZone,
        AftsRule.Performance => Performance,
        AftsRule.AttitudeError => AttitudeError,
        AftsRule.AttitudeRate => AttitudeRate,
        AftsRule.NavigationLoss => NavigationLoss,
        _ => ChannelFault,
    };

    /// <summary>A copy with one rule's settings replaced.</summary>
    public AftsParameters WithRule(AftsRule rule, AftsRuleParameters settings) => rule switch
    {
        AftsRule.LimitLine => this with { LimitLine = settings },
        AftsRule.ProtectedZone => this with { ProtectedZone = settings },
        AftsRule.Performance => this with { Performance = settings },
        AftsRule.AttitudeError => this with { AttitudeError = settings },
        AftsRule.AttitudeRate => this with { AttitudeRate = settings },
        AftsRule.NavigationLoss => this with { NavigationLoss = settings },
        _ => this with { ChannelFault = settings },
    };
}

/// <summary>The rules of the flight termination system.</summary>
public enum AftsRule
{
    /// <summary>Impact point beyond a limit line.</summary>
    LimitLine,

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

    /// <summary>A channel declared itself faulty and the redundancy management fails toward termination (judged by the vote, not by a channel).</summary>
    ChannelFault,
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

/// <summary>A point on the ground.</summary>
public sealed record GeoPoint
{
    /// <summary>Latitude (deg north). Default: 0.</summary>
    public double LatitudeDeg { get; init; }

    /// <summary>Longitude (deg east). Default: 0.</summary>
    public double LongitudeDeg { get; init; }
}

/// <summary>Which side of a line, walking from its first point to its last.</summary>
public enum LineSide
{
    /// <summary>To the left.</summary>
    Left,

    /// <summary>To the right.</summary>
    Right,
}

/// <summary>A flight-path limit line on the ground: a polyline the impact point must not cross, extended beyond its ends.</summary>
public sealed record LimitLine
{
    /// <summary>Name, e.g. west limit. Default: limit line.</summary>
    public string Name { get; init; } = "limit line";

    /// <summary>The points, at least two. Default: none.</summary>
    public IReadOnlyList<GeoPoint> Points { get; init; } = [];

    /// <summary>The side the impact point must not reach. Default: left.</summary>
    public LineSide Forbidden { get; init; }
}

/// <summary>A class of debris, by the ballistic coefficient its impact point is computed with.</summary>
public sealed record DebrisClass
{
    /// <summary>Name. Default: debris.</summary>
    public string Name { get; init; } = "debris";

    /// <summary>Mass over drag area, m / (Cd S) (kg/m²). Default: 1000.</summary>
    public double BallisticCoefficientKgM2 { get; init; } = 1000;
}

/// <summary>One termination channel: its own navigation (own noise stream), judge and built-in self-test.</summary>
public sealed record AftsChannel
{
    /// <summary>Name used in events and files. Default: A.</summary>
    public string Name { get; init; } = "A";

    /// <summary>This channel's navigation noise relative to <see cref="AscentScenario.Navigation"/>. Default: 1.</summary>
    public double NoiseScale { get; init; } = 1;

    /// <summary>When the channel's self-test first sees a fault of the channel itself (s since lift-off), or null for none. Default: null.</summary>
    public double? SelfTestFaultAtS { get; init; }

    /// <summary>Windows with no valid navigation in this channel alone (s since lift-off). Default: none.</summary>
    public IReadOnlyList<Core.TimeWindow> NavigationLoss { get; init; } = [];
}

/// <summary>How many channels must call for termination.</summary>
public enum VoteRule
{
    /// <summary>Either channel terminates (1-of-2).</summary>
    OneOfTwo,

    /// <summary>Both channels must call for it (2-of-2).</summary>
    TwoOfTwo,
}

/// <summary>What happens when a channel declares itself faulty.</summary>
public enum ChannelFaultPolicy
{
    /// <summary>Fail toward termination: loss of redundancy terminates the flight (the uncrewed convention).</summary>
    Terminate,

    /// <summary>Drop the faulty channel and judge on the healthy one alone.</summary>
    ContinueOnHealthy,
}

/// <summary>The redundancy management of the termination channels.</summary>
public sealed record RedundancyParameters
{
    /// <summary>How many healthy channels must call for termination. Default: 1-of-2.</summary>
    public VoteRule Vote { get; init; }

    /// <summary>What a channel that declares itself faulty does. Default: terminate.</summary>
    public ChannelFaultPolicy OnChannelFault { get; init; }
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
