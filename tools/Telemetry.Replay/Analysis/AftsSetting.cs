using System.Globalization;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Analysis;

/// <summary>
/// One setting of the flight termination system that sweeps and trade-offs vary: <c>&lt;rule&gt;.limit</c>,
/// <c>&lt;rule&gt;.persistence</c>, <c>&lt;rule&gt;.armed_from</c>, <c>&lt;rule&gt;.armed_until</c>,
/// <c>expected_performance_scale</c>, or <c>channel_fault_probability</c> (the chance per flight that a channel's
/// self-test faults: a swept input of the campaign rather than a setting of the system).
/// </summary>
internal sealed record AftsSetting(AftsRule? Rule, string Field)
{
    public const string ChannelFaultProbability = "channel_fault_probability";

    private static readonly string[] Fields = ["limit", "persistence", "armed_from", "armed_until"];

    public string Name => Rule is { } r ? $"{AftsRules.Name(r)}.{Field}" : Field;

    public string Unit => Field switch
    {
        "limit" => AftsRules.Unit(Rule!.Value),
        "expected_performance_scale" => "x",
        ChannelFaultProbability => "per channel and flight",
        _ => "s",
    };

    public string Label => $"{Name} ({Unit})";

    public static AftsSetting Parse(string text)
    {
        if (text is "expected_performance_scale" or ChannelFaultProbability)
        {
            return new AftsSetting(null, text);
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var rule = dot > 0 ? AftsRules.Parse(text[..dot]) : null;
        var field = dot > 0 ? text[(dot + 1)..] : "";
        if (rule is null || !Fields.Contains(field))
        {
            throw new UsageException(
                $"--afts: '{text}' is not a setting; use <rule>.<{string.Join("|", Fields)}> with a rule among " +
                $"{string.Join(", ", AftsRules.All.Select(AftsRules.Name))}, expected_performance_scale or {ChannelFaultProbability}.");
        }

        return new AftsSetting(rule, field);
    }

    public AscentScenario Apply(AscentScenario scenario, double value)
    {
        var afts = scenario.Afts;
        if (Field == ChannelFaultProbability)
        {
            return scenario with { Dispersion = scenario.Dispersion with { ChannelFaultProbability = value } };
        }

        if (Rule is not { } rule)
        {
            return scenario with { Afts = afts with { ExpectedPerformanceScale = value } };
        }

        var r = afts.Rule(rule);
        r = Field switch
        {
            "limit" => r with { Limit = value },
            "persistence" => r with { PersistenceS = value },
            "armed_from" => r with { ArmedFromS = value },
            _ => r with { ArmedUntilS = value },
        };
        return scenario with { Afts = afts.WithRule(rule, r) };
    }

    public string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
