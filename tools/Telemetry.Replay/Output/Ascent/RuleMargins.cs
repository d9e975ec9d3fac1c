using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>
/// How far each rule was from its limit, on one scale: 1 is comfortable, 0 is at the limit, below 0 is violating.
/// Attitude and rate: (limit − |value|) / limit; performance: (value − limit) / (1 − limit); impact-point rules:
/// (limit − value) / 10 km.
/// </summary>
internal static class RuleMargins
{
    public const double ImpactScaleKm = 10;

    /// <summary>The rules with a margin (the navigation-loss rule is a yes or no).</summary>
    public static IReadOnlyList<AftsRule> Plotted { get; } =
        [AftsRule.LimitLine, AftsRule.ProtectedZone, AftsRule.Performance, AftsRule.AttitudeError, AftsRule.AttitudeRate];

    public static double Of(AftsRule rule, in AscentSample s, AftsParameters afts)
    {
        var limit = afts.Rule(rule).Limit;
        return rule switch
        {
            AftsRule.LimitLine => (limit - s.LimitLineKm) / ImpactScaleKm,
            AftsRule.ProtectedZone => (limit - s.ZoneDepthKm) / ImpactScaleKm,
            AftsRule.Performance => limit < 1 ? (s.PerformanceRatio - limit) / (1 - limit) : double.NaN,
            AftsRule.AttitudeError => (limit - Math.Abs(s.NavAttitudeErrorDeg)) / limit,
            AftsRule.AttitudeRate => (limit - Math.Abs(s.NavRateDegPerS)) / limit,
            _ => double.NaN,
        };
    }
}
