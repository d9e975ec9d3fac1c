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

/// <summary><c>sweep &lt;scenario&gt;</c>: touchdown speed against the LRF's first-valid altitude or delay.</summary>
internal static class SweepCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = CommonOptions.Scenario();
        var altitudeFrom = new Option<double?>("--first-valid-altitude-from")
        {
            Description = "Sweep the true altitude (m) above which the LRF returns nothing, starting here (e.g. 3000).",
            HelpName = "m",
        };
        var delayFrom = new Option<double?>("--delay-from")
        {
            Description = "Sweep how long (s) after the unfaulted landing-burn start the LRF stays without a valid return, starting here (e.g. 0).",
            HelpName = "s",
        };
        var afts = new Option<string?>("--afts")
        {
            Description = "Ascents: the termination setting to sweep, <rule>.limit|persistence|armed_from|armed_until or expected_performance_scale, e.g. attitude_rate.limit.",
            HelpName = "setting",
        };
        var first = new Option<double?>("--from") { Description = "Ascents, with --afts: first value.", HelpName = "value" };
        var to = new Option<double>("--to") { Description = "Last value of the sweep (m or s).", HelpName = "value", Required = true };
        var step = new Option<double>("--step") { Description = "Distance between values (m or s); its sign is ignored.", HelpName = "value", Required = true };
        var seed = CommonOptions.Seed("Seed of the sensor noise, the same for every point.");
        var output = CommonOptions.Out();
        var command = new Command("sweep", "Fly the scenario once per value, in parallel. Descents: an injected LRF fault; tabulate and plot touchdown speed, and name the critical value. Ascents: a termination setting (--afts); tabulate and plot when and how rightly the system terminates.")
        {
            scenario, altitudeFrom, delayFrom, afts, first, to, step, seed, output,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(console, () =>
        {
            var name = parse.GetRequiredValue(scenario);
            if (AscentScenarioCatalog.IsAscent(name))
            {
                var (setting, start) = (parse.GetValue(afts), parse.GetValue(first)) is ({ } a, { } f)
                    ? (AftsSetting.Parse(a), f)
                    : throw new UsageException("an ascent sweep needs --afts <setting> and --from <value>.");
                return Task.FromResult(AscentCampaignCommands.Sweep(
                    console, name, setting, SweepRange.Values(start, parse.GetValue(to), parse.GetValue(step)), parse.GetValue(seed), parse.GetValue(output), ct));
            }

            var (parameter, from) = (parse.GetValue(altitudeFrom), parse.GetValue(delayFrom)) switch
            {
                ({ } a, null) => (SweepParameter.FirstValidAltitude, a),
                (null, { } d) => (SweepParameter.FirstValidDelay, d),
                _ => throw new UsageException("give exactly one of --first-valid-altitude-from and --delay-from."),
            };
            var values = SweepRange.Values(from, parse.GetValue(to), parse.GetValue(step));
            return Task.FromResult(Execute(
                console, parse.GetRequiredValue(scenario), parameter, values, parse.GetValue(seed), parse.GetValue(output), ct));
        }));
        return command;
    }

    public static int Execute(
        IAnsiConsole console, string scenarioName, SweepParameter parameter, IReadOnlyList<double> values, int seed,
        string? outDirectory, CancellationToken ct)
    {
        var scenario = ScenarioCatalog.Load(scenarioName);
        var result = console.Progress().Start(context =>
        {
            var task = context.AddTask($"Sweeping {Markup.Escape(parameter.Label())}", maxValue: values.Count);
            return SweepRunner.Run(scenario, parameter, values, seed, new InlineProgress<int>(n => task.Increment(n)), ct);
        });

        ConsoleTables.Write(console, SweepTable.Build(result));
        console.MarkupLine((result.Verdict.Critical is null ? "[red]" : "[green]") + Markup.Escape(SweepOutputs.Verdict(result)) + "[/]");
        var directory = CommonOptions.OutputDirectory(outDirectory, "sweep", scenario.Name);
        var outputs = console.Status().Start("Writing CSV, plot and report...", _ => SweepOutputs.Write(result, directory));
        OutputListing.Write(console, directory, outputs.Files);
        return ExitCodes.Ok;
    }
}
