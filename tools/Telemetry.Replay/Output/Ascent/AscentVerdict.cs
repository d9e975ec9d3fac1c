using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>One sentence on how an ascent ended and whether the termination system judged rightly.</summary>
internal static class AscentVerdict
{
    public static string Of(AscentOutcome o)
    {
        var truth = o.Truth;
        var orbit = truth.PerigeeKm is { } p && truth.ApogeeKm is { } a ? $"a {Number.F(p, 0)} x {Number.F(a, 0)} km orbit" : "orbit";
        if (o.Termination is { } d)
        {
            var what = $"Terminated {Number.F(d.TimeS, 2)} s after lift-off at {Number.F(o.AltitudeM / 1000, 1)} km by " +
                $"{AftsRules.Describe(d.Rule, d.Value, d.Limit)} for {Number.F(d.ViolatedForS, 2)} s";
            return o.Judgement switch
            {
                AftsJudgement.FalseTermination => $"{what}: a FALSE termination; flown on unseen, the vehicle would have reached {orbit} safely.",
                _ => truth.Hazardous
                    ? $"{what}: warranted; flown on unseen, the vehicle became dangerous ({truth.HazardReason}) at {Number.F(truth.HazardTimeS, 1)} s."
                    : $"{what}: warranted; flown on unseen, the vehicle would not have reached orbit.",
            };
        }

        return o.Judgement switch
        {
            AftsJudgement.CorrectlyFlown => $"Reached {orbit} after {Number.F(o.TimeS, 1)} s; the termination system never fired.",
            AftsJudgement.MissedTermination => $"MISSED termination: the vehicle became dangerous ({truth.HazardReason}) at {Number.F(truth.HazardTimeS, 1)} s and was never terminated.",
            _ => $"Did not reach orbit ({o.Kind.ToString().ToLowerInvariant()} at {Number.F(o.TimeS, 1)} s), but was never dangerous and never terminated.",
        };
    }
}
