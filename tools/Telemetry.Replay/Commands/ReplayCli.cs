using System.CommandLine;
using Spectre.Console;

namespace Telemetry.Replay.Commands;

/// <summary>The command tree: <c>run</c>, <c>sweep</c>, <c>montecarlo</c>.</summary>
internal static class ReplayCli
{
    public static RootCommand Create(IAnsiConsole console)
    {
        var root = new RootCommand(
            "Re-fly lunar landings with injected sensor faults: timelines, outcome tables, plots, HTML reports, and " +
            "streaming to the ingest server.");
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(SweepCommand.Create(console));
        root.Subcommands.Add(MonteCarloCommand.Create(console));
        root.Subcommands.Add(SensitivityCommand.Create(console));
        root.Subcommands.Add(CalibrateCommand.Create(console));
        return root;
    }
}
