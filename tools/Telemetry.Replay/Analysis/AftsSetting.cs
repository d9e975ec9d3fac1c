using System.Globalization;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Analysis;

/// <summary>
/// One setting of the flight termination system that sweeps and trade-offs vary: <c>&lt;rule&gt;.limit</c>,
/// <c>&lt;rule&gt;.persistence</c>, <c>&lt;rule&gt;.armed_from</c>, <c>&lt;rule&gt;.armed_until</c>, or
/// <c>expected_performance_scale</c>.
/// </summary>
internal sealed record AftsSetting(AftsRule? Rule, string Field)
{
    private static readonly string[] Fields = ["limit", "persistence", "armed_from", "armed_until"];

    public string Name => Rule is { } r ? $"{AftsRules.Name(r)}.{Field}" : Field;

    public string Unit => Field switch
    {
        "limit" => AftsRules.Unit(Rule!.Value),
        "expected_performance_scale" => "x",
        _ => "s",
    };

    public string Label => $"{Name} ({Unit})";

    public static AftsSetting Parse(string text)
    {
        if (text == "expected_performance_scale")
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
                $"{string.Join(", ", AftsRules.All.Select(AftsRules.Name))}, or expected_performance_scale.");
        }

        return new AftsSetting(rule, field);
    }

    public AscentScenario Apply(AscentScenario scenario, double value)
    {
        var afts = scenario.Afts;
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
