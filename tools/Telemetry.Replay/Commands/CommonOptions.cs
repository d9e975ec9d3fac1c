using System.CommandLine;
using Telemetry.Simulation;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Commands;

/// <summary>Arguments and options shared by every command.</summary>
internal static class CommonOptions
{
    public static Argument<string> Scenario() => new("scenario")
    {
        Description = $"A shipped scenario ({ShippedScenarios.Describe()}) or the path of a scenario JSON file.",
    };

    public static Option<int> Seed(string description) => new("--seed")
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => 0,
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Output directory. Default: out/<command>/<scenario> under the current directory.",
        HelpName = "dir",
    };

    public static string OutputDirectory(string? requested, string command, string scenarioName)
    {
        var directory = Path.GetFullPath(requested ?? Path.Combine("out", command, scenarioName));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
