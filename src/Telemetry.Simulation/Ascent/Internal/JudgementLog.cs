using System.Globalization;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>Runs the termination system one cycle and turns its rule transitions and decision into timeline events.</summary>
internal sealed class JudgementLog(FlightTerminationSystem afts)
{
    private readonly RuleReading[] _previous = new RuleReading[FlightTerminationSystem.RuleCount];

    public AftsDecision? Judge(in NavigationSnapshot nav, in AscentState truth, List<AscentEvent> events)
    {
        var decision = afts.Judge(nav);
        if (!afts.Enabled)
        {
            return null;
        }

        var (altitude, speed) = (truth.AltitudeM, truth.SpeedMps);
        // A for loop over the enum: a foreach over the list interface would allocate an enumerator every cycle.
        for (var i = 0; i < FlightTerminationSystem.RuleCount; i++)
        {
            var rule = (AftsRule)i;
            var now = afts.Reading(rule);
            var before = _previous[(int)rule];
            _previous[(int)rule] = now;
            if (now.Violated && !before.Violated)
            {
                events.Add(new AscentEvent(nav.TimeS, AscentEventKind.RuleViolated,
                    AftsRules.Describe(rule, now.Value, now.Limit) + ": persistence clock starts",
                    altitude, speed, rule, now.Value, now.Limit, 0));
            }
            else if (!now.Violated && before.Violated)
            {
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"{AftsRules.Name(rule)} {(now.Armed ? "back within its limit" : "disarmed")} after {before.ViolatedForS:F2} s");
                events.Add(new AscentEvent(nav.TimeS, AscentEventKind.RuleCleared, text, altitude, speed, rule,
                    double.IsNaN(now.Value) ? null : now.Value, now.Limit, before.ViolatedForS));
            }
        }

        if (decision is { } d)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Flight terminated: {AftsRules.Describe(d.Rule, d.Value, d.Limit)} for {d.ViolatedForS:F2} s");
            events.Add(new AscentEvent(nav.TimeS, AscentEventKind.Termination, text, altitude, speed, d.Rule, d.Value, d.Limit, d.ViolatedForS));
        }

        return decision;
    }
}
