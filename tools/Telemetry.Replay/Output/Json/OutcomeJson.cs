using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output.Json;

/// <summary>
/// <c>outcome.json</c>: what a run ended with, its timeline, and its figures against the public ones, for scripts and
/// CI. camelCase names, enums as snake_case strings, SI units in the names, null for a value that does not exist.
/// </summary>
internal static class OutcomeJson
{
    public const string FileName = "outcome.json";

    internal static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(string directory, DescentResult result)
    {
        var figures = result.Scenario.Reference?.Figures.Select(f => Figure(f.Name, SnakeCase.Of(f.Metric), f.Value, f.Unit, f.Tolerance, f.Source, result.Measure(f)));
        return Save(directory, new Document("descent", result.Scenario.Name, result.Seed, RunOutputs.Verdict(result.Outcome),
            result.Outcome.IsSafe, result.Outcome, result.Events, [.. figures ?? []]));
    }

    public static string Write(string directory, AscentResult result)
    {
        var figures = result.Scenario.Reference?.Figures.Select(f => Figure(f.Name, SnakeCase.Of(f.Metric), f.Value, f.Unit, f.Tolerance, f.Source, result.Measure(f)));
        var outcome = result.Outcome;
        return Save(directory, new Document("ascent", result.Scenario.Name, result.Seed, Ascent.AscentVerdict.Of(outcome),
            outcome.Judgement is AftsJudgement.CorrectlyFlown or AftsJudgement.WarrantedTermination,
            new { outcome.Kind, outcome.Judgement, outcome.TimeS, outcome.AltitudeM, outcome.SpeedMps, outcome.DownrangeM, outcome.MaxDynamicPressurePa, outcome.Termination, outcome.Truth },
            result.Events, [.. figures ?? []]));
    }

    private static FigureResult Figure(string name, string metric, double value, string unit, double tolerance, string source, double? model) =>
        new(name, metric, value, model, tolerance, unit, ReferenceTable.IsWithin(value, tolerance, model), source);

    private static string Save(string directory, Document document)
    {
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options) + "\n");
        return path;
    }

    /// <param name="Kind"><c>descent</c> or <c>ascent</c>.</param>
    /// <param name="Scenario">Scenario name.</param>
    /// <param name="Seed">Seed flown.</param>
    /// <param name="Verdict">The one-sentence verdict also printed and shown in the report.</param>
    /// <param name="Good">Descent: soft touchdown. Ascent: the termination system judged rightly (flown correctly or a warranted termination).</param>
    /// <param name="Outcome">How it ended.</param>
    /// <param name="Timeline">Every event in time order.</param>
    /// <param name="Figures">The scenario's public figures against the model.</param>
    private sealed record Document(
        string Kind, string Scenario, int Seed, string Verdict, bool Good, object Outcome, object Timeline, IReadOnlyList<FigureResult> Figures);

    private sealed record FigureResult(
        string Name, string Metric, double Published, double? Model, double Tolerance, string Unit, bool Within, string Source);
}
