using System.Globalization;
using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The termination channels and their vote: each cycle every channel draws its own navigation snapshot and judges it,
/// its self-test may declare it faulty, and the redundancy management (<see cref="RedundancyParameters"/>) turns the
/// channels' verdicts and faults into the termination. Rule transitions, verdicts, self-test faults and the
/// termination become timeline events.
/// </summary>
internal sealed class JudgementLog
{
    private const ulong FirstChannelStream = 11;
    private readonly AftsParameters _p;
    private readonly Channel[] _channels;

    public JudgementLog(AscentScenario s, int seed, ExpectedProfile expected, LaunchFrame frame)
    {
        _p = s.Afts;
        _channels = new Channel[_p.Channels.Count];
        for (var i = 0; i < _channels.Length; i++)
        {
            var c = _p.Channels[i];
            var nav = new NavigationModel(s.Navigation, s.Faults, Rng.For(seed, FirstChannelStream + (ulong)(i * 100)), c.NoiseScale, c.NavigationLoss);
            _channels[i] = new Channel(c, nav, new FlightTerminationSystem(_p, expected, frame));
        }
    }

    public int Count => _channels.Length;

    /// <summary>The judge of a channel.</summary>
    public FlightTerminationSystem Judge(int channel) => _channels[channel].Judge;

    /// <summary>The last snapshot of a channel.</summary>
    public NavigationSnapshot Snapshot(int channel) => _channels[channel].Last;

    /// <summary>State of a channel: 0 go, 1 its judge calls for termination, 2 declared itself faulty.</summary>
    public int State(int channel) => _channels[channel] switch
    {
        { Faulty: true } => 2,
        { Judge.Decision: not null } => 1,
        _ => 0,
    };

    /// <summary>The vote calls for termination (whether or not the system is enabled to act).</summary>
    public bool Vote { get; private set; }

    /// <summary>One judgement cycle of every channel; returns the termination when the vote calls for it now.</summary>
    public AftsDecision? Cycle(double timeS, in AscentState truth, double command, double yawCommand, double sensed, in Vec3 down, List<AscentEvent> events)
    {
        var (altitude, speed) = (truth.AltitudeM, truth.SpeedMps);
        foreach (var c in _channels)
        {
            // Every channel draws its noise every cycle, so a fault or a verdict never shifts another channel's numbers.
            c.Last = c.Navigation.Snapshot(timeS, truth, command, yawCommand, sensed, down);
            if (c.Faulty)
            {
                continue;
            }

            if (c.Parameters.SelfTestFaultAtS is { } at && timeS >= at - 1e-9)
            {
                if (!c.SelfTestSeen)
                {
                    c.SelfTestSeen = true;
                    events.Add(new AscentEvent(timeS, AscentEventKind.SelfTestFault, $"Channel {c.Parameters.Name} self-test: fault in the channel itself",
                        altitude, speed, AftsRule.ChannelFault, 0, 0, 0, c.Parameters.Name));
                }

                var seenFor = timeS - at;
                if (seenFor >= _p.ChannelFault.PersistenceS - 1e-9 && _p.ChannelFault.Enabled)
                {
                    c.Faulty = true;
                    c.FaultyForS = seenFor;
                    events.Add(new AscentEvent(timeS, AscentEventKind.ChannelFaulty,
                        string.Create(CultureInfo.InvariantCulture, $"Channel {c.Parameters.Name} declares itself faulty after {seenFor:F2} s"),
                        altitude, speed, AftsRule.ChannelFault, seenFor, _p.ChannelFault.PersistenceS, seenFor, c.Parameters.Name));
                    continue;
                }
            }

            var verdict = c.Judge.Judge(c.Last);
            LogRules(c, timeS, altitude, speed, events);
            if (verdict is { } v)
            {
                events.Add(new AscentEvent(timeS, AscentEventKind.ChannelVerdict,
                    string.Create(CultureInfo.InvariantCulture, $"Channel {c.Parameters.Name} calls for termination: {AftsRules.Describe(v.Rule, v.Value, v.Limit)} for {v.ViolatedForS:F2} s"),
                    altitude, speed, v.Rule, v.Value, v.Limit, v.ViolatedForS, c.Parameters.Name));
            }
        }

        if (Vote)
        {
            return null;
        }

        var decision = Decide(timeS);
        if (decision is null)
        {
            return null;
        }

        Vote = true;
        if (!_p.Enabled)
        {
            return null;
        }

        var text = decision.Rule == AftsRule.ChannelFault
            ? string.Create(CultureInfo.InvariantCulture, $"Flight terminated: channel {decision.Channel} declared itself faulty; the redundancy management fails toward termination")
            : string.Create(CultureInfo.InvariantCulture,
                $"Flight terminated ({VoteName(_p.Redundancy.Vote)}, channel {decision.Channel}): {AftsRules.Describe(decision.Rule, decision.Value, decision.Limit)} for {decision.ViolatedForS:F2} s");
        events.Add(new AscentEvent(timeS, AscentEventKind.Termination, text, altitude, speed, decision.Rule, decision.Value, decision.Limit,
            decision.ViolatedForS, decision.Channel));
        return decision;
    }

    /// <summary>1-of-2, 2-of-2.</summary>
    public static string VoteName(VoteRule vote) => vote == VoteRule.OneOfTwo ? "1-of-2" : "2-of-2";

    private AftsDecision? Decide(double timeS)
    {
        var (healthy, calling) = (0, 0);
        AftsDecision? first = null;
        AftsDecision? last = null;
        string? firstName = null;
        string? lastName = null;
        foreach (var c in _channels)
        {
            if (c.Faulty)
            {
                if (_p.Redundancy.OnChannelFault == ChannelFaultPolicy.Terminate)
                {
                    return new AftsDecision(AftsRule.ChannelFault, timeS, c.FaultyForS, _p.ChannelFault.PersistenceS, c.FaultyForS, c.Parameters.Name);
                }

                continue;
            }

            healthy++;
            if (c.Judge.Decision is { } d)
            {
                calling++;
                (first, firstName) = first is null ? (d, c.Parameters.Name) : (first, firstName);
                (last, lastName) = (d, c.Parameters.Name);
            }
        }

        if (healthy == 0)
        {
            // No channel left to judge: fail toward termination.
            var c = _channels[^1];
            return new AftsDecision(AftsRule.ChannelFault, timeS, c.FaultyForS, _p.ChannelFault.PersistenceS, c.FaultyForS, "all");
        }

        // With a channel dropped, the healthy one judges alone; otherwise the vote rule counts.
        var needed = _p.Redundancy.Vote == VoteRule.TwoOfTwo ? Math.Min(2, healthy) : 1;
        if (calling < needed || first is null)
        {
            return null;
        }

        return needed == 1 ? first with { Channel = firstName! } : last! with { TimeS = timeS, Channel = firstName + "+" + lastName };
    }

    private static void LogRules(Channel c, double timeS, double altitude, double speed, List<AscentEvent> events)
    {
        var name = c.Parameters.Name;
        for (var i = 0; i < FlightTerminationSystem.RuleCount; i++)
        {
            var rule = (AftsRule)i;
            var now = c.Judge.Reading(rule);
            var before = c.Previous[i];
            c.Previous[i] = now;
            if (now.Violated && !before.Violated)
            {
                events.Add(new AscentEvent(timeS, AscentEventKind.RuleViolated,
                    $"[{name}] {AftsRules.Describe(rule, now.Value, now.Limit)}: persistence clock starts",
                    altitude, speed, rule, now.Value, now.Limit, 0, name));
            }
            else if (!now.Violated && before.Violated)
            {
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"[{name}] {AftsRules.Name(rule)} {(now.Armed ? "back within its limit" : "disarmed")} after {before.ViolatedForS:F2} s");
                events.Add(new AscentEvent(timeS, AscentEventKind.RuleCleared, text, altitude, speed, rule,
                    double.IsNaN(now.Value) ? null : now.Value, now.Limit, before.ViolatedForS, name));
            }
        }
    }

    private sealed class Channel(AftsChannel parameters, NavigationModel navigation, FlightTerminationSystem judge)
    {
        public AftsChannel Parameters { get; } = parameters;

        public NavigationModel Navigation { get; } = navigation;

        public FlightTerminationSystem Judge { get; } = judge;

        public RuleReading[] Previous { get; } = new RuleReading[FlightTerminationSystem.RuleCount];

        public NavigationSnapshot Last { get; set; }

        public bool SelfTestSeen { get; set; }

        public bool Faulty { get; set; }

        public double FaultyForS { get; set; }
    }
}
