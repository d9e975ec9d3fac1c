using System.Globalization;

namespace Telemetry.Simulation.Ascent;

/// <summary>Names, units and wording of the termination rules, for timelines, tables and files.</summary>
public static class AftsRules
{
    /// <summary>Every rule, in the order they are judged.</summary>
    public static IReadOnlyList<AftsRule> All { get; } = Enum.GetValues<AftsRule>();

    /// <summary>snake_case name, e.g. <c>attitude_rate</c>.</summary>
    public static string Name(AftsRule rule) => rule switch
    {
        AftsRule.LimitLine => "limit_line",
        AftsRule.ProtectedZone => "protected_zone",
        AftsRule.Performance => "performance",
        AftsRule.AttitudeError => "attitude_error",
        AftsRule.AttitudeRate => "attitude_rate",
        AftsRule.NavigationLoss => "navigation_loss",
        _ => "channel_fault",
    };

    /// <summary>Unit of the rule's value and limit.</summary>
    public static string Unit(AftsRule rule) => rule switch
    {
        AftsRule.LimitLine or AftsRule.ProtectedZone => "km",
        AftsRule.Performance => "of expected",
        AftsRule.AttitudeError => "deg",
        AftsRule.AttitudeRate => "deg/s",
        _ => "",
    };

    /// <summary>True for the performance rule, whose value must stay above its limit; the others must stay below.</summary>
    public static bool LowerIsWorse(AftsRule rule) => rule == AftsRule.Performance;

    /// <summary>The rule by its snake_case name, or null.</summary>
    public static AftsRule? Parse(string name)
    {
        foreach (var rule in All)
        {
            if (Name(rule) == name)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>"attitude_rate 10.4 deg/s beyond 10 deg/s" and the like.</summary>
    public static string Describe(AftsRule rule, double value, double limit) => rule switch
    {
        AftsRule.NavigationLoss => "navigation_loss: no valid navigation solution",
        AftsRule.ChannelFault => "channel_fault: a channel declared itself faulty",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{Name(rule)} {value:0.###} {Unit(rule)} {(LowerIsWorse(rule) ? "below" : "beyond")} {limit:0.###} {Unit(rule)}"),
    };
}
