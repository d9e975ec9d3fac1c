using System.CommandLine;
using Spectre.Console;
using Telemetry.Guidance;
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
        var command = new Command("montecarlo", "Fly N runs with dispersed IMU bias, thrust, LRF noise and initial state, in parallel; report the success probability with its 95 % confidence interval.")
        {
            scenario, runs, seed, output,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(console, () => Task.FromResult(Execute(
            console, parse.GetRequiredValue(scenario), parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(output), ct))));
        return command;
    }

    public static int Execute(IAnsiConsole console, string scenarioName, int runs, int seed, string? outDirectory, CancellationToken ct)
    {
        if (runs is < 1 or > 1_000_000)
        {
            throw new UsageException($"--runs must be 1-1000000 (got {runs}).");
        }

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
