using System.CommandLine;
using Spectre.Console;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output;
using Telemetry.Replay.Output.Tables;
using Telemetry.Replay.Output.Terminal;

namespace Telemetry.Replay.Commands;

/// <summary><c>montecarlo &lt;scenario&gt;</c>: N dispersed runs, the success probability and its 95 % interval.</summary>
internal static class MonteCarloCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = CommonOptions.Scenario();
        var runs = new Option<int>("--runs") { Description = "Number of dispersed runs (1-1000000).", HelpName = "n", DefaultValueFactory = _ => 1000 };
        var seed = CommonOptions.Seed("Seed of run 0; run i uses seed + i for its dispersions and sensor noise.");
        var output = CommonOptions.Out();
        var with = new Option<string[]>("--with")
        {
            Description = "Ascents only: more scenarios flown in the same campaign, e.g. a faulty one beside a healthy one (repeatable).",
            HelpName = "scenario",
            AllowMultipleArgumentsPerToken = true,
        };
        var tradeOff = new Option<string?>("--trade-off")
        {
            Description = "Ascents only: repeat the campaign for each value of a termination setting (<rule>.limit|persistence|armed_from|armed_until, expected_performance_scale, or channel_fault_probability) and plot false against missed terminations.",
            HelpName = "setting",
        };
        var weights = new Option<double[]>("--weights")
        {
            Description = "Ascents only: prior weights of the scenario and each --with, in order (a failure population, e.g. 0.97 0.02 0.01): per-flight rates weighted by them.",
            HelpName = "weight",
            AllowMultipleArgumentsPerToken = true,
        };
        var grid = new Option<string?>("--grid")
        {
            Description = "Ascents only, with --trade-off: a second setting swept with it, <setting>=<from>:<to>:<step>; writes grid.csv and the false/missed frontier.",
            HelpName = "setting=from:to:step",
        };
        var from = new Option<double?>("--from") { Description = "With --trade-off: first value.", HelpName = "value" };
        var to = new Option<double?>("--to") { Description = "With --trade-off: last value.", HelpName = "value" };
        var step = new Option<double?>("--step") { Description = "With --trade-off: distance between values.", HelpName = "value" };
        var command = new Command("montecarlo", "Fly N dispersed runs in parallel. Descents: the success probability with its 95 % interval. Ascents: the probabilities of false termination of a healthy vehicle and of missed termination of a dangerous one, with their 95 % intervals, and with --trade-off the curve between them.")
        {
            scenario, runs, seed, output, with, tradeOff, from, to, step, weights, grid,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(console, () =>
        {
            var name = parse.GetRequiredValue(scenario);
            var count = parse.GetValue(runs);
            if (!AscentScenarioCatalog.IsAscent(name))
            {
                return Task.FromResult(Execute(console, name, count, parse.GetValue(seed), parse.GetValue(output), ct));
            }

            CheckRuns(count);
            TradeOffRequest? request = null;
            if (parse.GetValue(tradeOff) is { } setting)
            {
                var values = (parse.GetValue(from), parse.GetValue(to), parse.GetValue(step)) is ({ } f, { } t, { } s)
                    ? SweepRange.Values(f, t, s)
                    : throw new UsageException("--trade-off needs --from, --to and --step.");
                request = new TradeOffRequest(AftsSetting.Parse(setting), values);
            }

            string[] names = [name, .. parse.GetValue(with) ?? []];
            var prior = parse.GetValue(weights);
            if (prior is { Length: > 0 } && (prior.Length != names.Length || prior.Any(w => !(w >= 0)) || prior.Sum() <= 0))
            {
                throw new UsageException($"--weights: give {names.Length} non-negative weights (the scenario and each --with, in order), not all zero.");
            }

            var second = parse.GetValue(grid) is { } g
                ? (request is not null ? AscentGrid.Parse(g) : throw new UsageException("--grid needs --trade-off for the first setting."))
                : null;
            return Task.FromResult(AscentCampaignCommands.MonteCarlo(
                console, names, count, parse.GetValue(seed), parse.GetValue(output), request, ct, prior is { Length: > 0 } ? prior : null, second));
        }));
        return command;
    }

    private static void CheckRuns(int runs)
    {
        if (runs is < 1 or > 1_000_000)
        {
            throw new UsageException($"--runs must be 1-1000000 (got {runs}).");
        }
    }

    public static int Execute(IAnsiConsole console, string scenarioName, int runs, int seed, string? outDirectory, CancellationToken ct)
    {
        CheckRuns(runs);
        var scenario = ScenarioCatalog.Load(scenarioName);
        var summary = console.Progress().Start(context =>
        {
            var task = context.AddTask($"Monte Carlo: {runs} runs of {Markup.Escape(scenario.Name)}", maxValue: runs);
            // The library reports the count of finished runs from many threads, so reports can arrive out of order;
            // the bar follows them loosely and is set exactly at the end.
            var summary = MonteCarlo.Run(scenario, runs, seed, new InlineProgress<int>(done => task.Value = Math.Max(task.Value, done)), ct);
            task.Value = runs;
            return summary;
        });

        var campaign = new MonteCarloCampaign(scenario, seed, summary);
        ConsoleTables.Write(console, MonteCarloTable.Build(campaign));
        console.MarkupLine((summary.Successes == summary.Runs ? "[green]" : "[yellow]") + Markup.Escape(campaign.Verdict) + "[/]");
        var directory = CommonOptions.OutputDirectory(outDirectory, "montecarlo", scenario.Name);
        var outputs = console.Status().Start("Writing CSV, histogram and report...", _ => MonteCarloOutputs.Write(campaign, directory));
        OutputListing.Write(console, directory, outputs.Files);
        return ExitCodes.Ok;
    }
}
