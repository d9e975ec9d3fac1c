using System.Globalization;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>The tables of one ascent: outcome and truth, public figures, and the timeline with each rule's value and limit.</summary>
internal static class AscentTables
{
    public static TableData Outcome(AscentResult result)
    {
        var o = result.Outcome;
        var t = o.Truth;
        return new TableData("Outcome", ["quantity", "value"],
        [
            new TableRow(["outcome", SnakeCase.Of(o.Kind)]),
            new TableRow(["judgement", SnakeCase.Of(o.Judgement)], o.Judgement is AftsJudgement.CorrectlyFlown or AftsJudgement.WarrantedTermination),
            new TableRow(["time (s)", Number.F(o.TimeS, 2)]),
            new TableRow(["altitude (km)", Number.F(o.AltitudeM / 1000, 2)]),
            new TableRow(["speed (m/s)", Number.F(o.SpeedMps, 0)]),
            new TableRow(["max dynamic pressure (kPa)", Number.F(o.MaxDynamicPressurePa / 1000, 1)]),
            new TableRow(["terminating rule", o.Termination is { } d ? AftsRules.Name(d.Rule) : "-"]),
            new TableRow(["truth: reaches orbit", t.ReachesOrbit ? "yes" : "no"]),
            new TableRow(["truth: dangerous", t.Hazardous ? $"yes, at {Number.F(t.HazardTimeS, 2)} s: {t.HazardReason}" : "no"], t.Hazardous ? false : null),
            new TableRow(["truth: perigee x apogee (km)", t.PerigeeKm is { } p ? $"{Number.F(p, 0)} x {Number.F(t.ApogeeKm, 0)}" : "-"]),
        ]);
    }

    public static TableData? Reference(AscentResult result)
    {
        var reference = result.Scenario.Reference;
        if (reference is null || reference.Figures.Count == 0)
        {
            return null;
        }

        // Whether the model was tuned to a figure or predicts it goes with its name.
        return ReferenceTable.Build(reference.Name, reference.Figures.Select(f =>
            ReferenceTable.Row($"{f.Name} [{SnakeCase.Of(f.Role)}]", f.Value, f.Unit, f.Tolerance, f.Source, result.Measure(f))));
    }

    public static TableData Timeline(IReadOnlyList<AscentEvent> events) => new(
        "Event timeline",
        ["t (s)", "event", "description", "alt. (km)", "speed (m/s)", "rule", "value", "limit", "violated for (s)"],
        [.. events.Select(e => new TableRow(
        [
            Number.F(e.TimeS, 2), SnakeCase.Of(e.Kind), e.Description, Number.F(e.AltitudeM / 1000, 2), Number.F(e.SpeedMps, 0),
            e.Rule is { } r ? AftsRules.Name(r) : "", Number.F(e.Value, 3), Number.F(e.Limit, 3), Number.F(e.ViolatedForS, 2),
        ], e.Kind switch
        {
            AscentEventKind.Orbit => true,
            AscentEventKind.Termination or AscentEventKind.Hazard or AscentEventKind.Impact => false,
            _ => null,
        }))]);

    /// <summary>The scenario's termination settings, one row per rule.</summary>
    public static TableData Rules(AftsParameters afts) => new(
        "Termination rules" + (afts.Enabled ? "" : " (system disabled: it judges but never acts)"),
        ["rule", "enabled", "limit", "persistence (s)", "armed (s)"],
        [.. AftsRules.All.Select(rule =>
        {
            var r = afts.Rule(rule);
            return new TableRow(
            [
                AftsRules.Name(rule), r.Enabled ? "yes" : "no", $"{Number.F(r.Limit, 3)} {AftsRules.Unit(rule)}".Trim(),
                Number.F(r.PersistenceS, 2), string.Create(CultureInfo.InvariantCulture, $"{r.ArmedFromS:0.##} .. {r.ArmedUntilS:0.##}"),
            ]);
        })]);
}
