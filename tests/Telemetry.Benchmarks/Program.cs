using System.Globalization;
using BenchmarkDotNet.Running;
using Telemetry.Benchmarks.Charts;
using Telemetry.Benchmarks.Peer;

namespace Telemetry.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Telemetry.Benchmarks -- --filter '*'</c> for the
/// BenchmarkDotNet suite; <c>-- peer-write ...</c> for the write throughput against InfluxDB.Client;
/// <c>-- chart RESULTS.jsonl</c> for the bench script's bar chart.
/// </summary>
public static class Program
{
    /// <summary>Runs the command, or the benchmarks selected on the command line.</summary>
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case [PeerWriteCommand.Verb, .. var rest]:
                return await PeerWriteCommand.RunAsync(rest);
            case [NoContentEndpoint.Verb, var port]:
                await NoContentEndpoint.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
                return 0;
            case [BenchChart.Verb, var results]:
                BenchChart.Write(results);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
                return 0;
        }
    }
}
