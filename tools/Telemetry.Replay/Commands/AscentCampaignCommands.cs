using Spectre.Console;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output;
using Telemetry.Replay.Output.Ascent;
using Telemetry.Replay.Output.Terminal;

namespace Telemetry.Replay.Commands;

/// <summary><c>montecarlo</c> and <c>sweep</c> of ascent scenarios: the termination system scored against the truth.</summary>
internal static class AscentCampaignCommands
{
    public static int MonteCarlo(
        IAnsiConsole console, IReadOnlyList<string> names, int runs, int seed, string? outDirectory, TradeOffRequest? tradeOff, CancellationToken ct,
        IReadOnlyList<double>? weights = null, TradeOffRequest? grid = null)
    {
        var scenarios = names.Select(AscentScenarioCatalog.Load).ToList();
        var label = string.Join("+", scenarios.Select(s => s.Name));
        var directory = CommonOptions.OutputDirectory(outDirectory, "montecarlo", label);
        ReportFiles outputs;
        if (tradeOff is { } g1 && grid is { } g2)
        {
            var total = runs * scenarios.Count * g1.Values.Count * g2.Values.Count;
            var points = WithProgress(console, $"Grid over {Markup.Escape(g1.Setting.Name)} and {Markup.Escape(g2.Setting.Name)}: {total} runs", total,
                p => AscentGrid.Run(scenarios, g1, g2, runs, seed, p, ct));
            outputs = console.Status().Start("Writing CSV, plot and report...", _ => CampaignOutputs.Grid(g1.Setting, g2.Setting, points, scenarios, directory));
            console.MarkupLine($"[yellow]{points.Count(p => p.OnFrontier)} of {points.Count} pairs on the frontier (grid.csv).[/]");
        }
        else if (tradeOff is { } t)
        {
            var total = runs * scenarios.Count * t.Values.Count;
            var points = WithProgress(console, $"Trade-off over {Markup.Escape(t.Setting.Name)}: {total} runs", total,
                p => AscentTradeOff.Run(scenarios, t.Setting, t.Values, runs, seed, p, ct));
            ConsoleTables.Write(console, CampaignTables.TradeOff(t.Setting, points));
            outputs = console.Status().Start("Writing CSV, plots and report...", _ => CampaignOutputs.TradeOff(t.Setting, points, scenarios, directory));
        }
        else
        {
            var summary = WithProgress(console, $"Monte Carlo: {runs} runs of each of {Markup.Escape(label)}", runs * scenarios.Count,
                p => AscentMonteCarlo.Run(scenarios, runs, seed, p, ct));
            ConsoleTables.Write(console, CampaignTables.Summary(summary));
            ConsoleTables.Write(console, CampaignTables.ByScenario(summary));
            console.MarkupLine("[yellow]" + Markup.Escape(CampaignTables.Verdict(summary)) + "[/]");
            if (weights is not null)
            {
                ConsoleTables.Write(console, CampaignTables.Weighted(summary, weights));
            }

            outputs = console.Status().Start("Writing CSV, plot and report...", _ => CampaignOutputs.Campaign(summary, scenarios, directory, weights));
        }

        OutputListing.Write(console, directory, outputs.Files);
        return ExitCodes.Ok;
    }

    public static int Sweep(
        IAnsiConsole console, string name, AftsSetting setting, IReadOnlyList<double> values, int seed, string? outDirectory, CancellationToken ct)
    {
        var scenario = AscentScenarioCatalog.Load(name);
        var sweep = WithProgress(console, $"Sweeping {Markup.Escape(setting.Label)}", values.Count,
            p => AscentSweep.Run(scenario, setting, values, seed, p, ct));
        ConsoleTables.Write(console, CampaignOutputs.SweepTable(sweep));
        console.MarkupLine("[yellow]" + Markup.Escape(sweep.Verdict) + "[/]");
        var directory = CommonOptions.OutputDirectory(outDirectory, "sweep", scenario.Name);
        var outputs = console.Status().Start("Writing CSV, plot and report...", _ => CampaignOutputs.Sweep(sweep, directory));
        OutputListing.Write(console, directory, outputs.Files);
        return ExitCodes.Ok;
    }

    // Reports arrive from many threads, possibly out of order: the bar follows the largest and is set exactly at the end.
    private static T WithProgress<T>(IAnsiConsole console, string title, int total, Func<IProgress<int>, T> work) =>
        console.Progress().Start(context =>
        {
            var task = context.AddTask(title, maxValue: total);
            var result = work(new InlineProgress<int>(done => task.Value = Math.Max(task.Value, done)));
            task.Value = total;
            return result;
        });
}

/// <summary>A trade-off: which setting, over which values.</summary>
internal sealed record TradeOffRequest(AftsSetting Setting, IReadOnlyList<double> Values);
