using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Telemetry.Server.Tests.LoadGen;

/// <summary>
/// <c>--max-seconds</c> bounds every mode of the load generator, even against a peer that accepts connections and
/// never answers: the gRPC stream (batches built as sent, or prepared), and the direct InfluxDB write.
/// </summary>
public sealed class LoadGenTimeLimitTests
{
    private const int MaxSeconds = 2;

    [Theory]
    [InlineData("--url")]
    [InlineData("--url", "--prepare")]
    [InlineData("--direct-influx")]
    public async Task LoadGen_PeerNeverAnswers_StopsWithinTheTimeLimitAndReportsNothingWritten(string target, string? extra = null)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        using var stopAccepting = new CancellationTokenSource();
        var accepting = AcceptForeverAsync(silent, accepted, stopAccepting.Token);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        string[] arguments = [target, $"http://127.0.0.1:{port}", "--frames", "20000", "--max-seconds", $"{MaxSeconds}", "--json", .. extra is null ? [] : new[] { extra }];

        var clock = Stopwatch.StartNew();
        using var load = LoadGeneratorProcess.Start(arguments);
        var stdout = load.StandardOutput.ReadToEndAsync();
        var stderr = load.StandardError.ReadToEndAsync();
        await load.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        clock.Stop();
        await stopAccepting.CancelAsync();
        await accepting;
        accepted.ForEach(s => s.Dispose());

        var text = await stdout;
        Assert.True(load.ExitCode == 2, $"exit {load.ExitCode}: {text} {await stderr}");
        var report = JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(0, report.GetProperty("frames_written").GetInt64());
        // The limit, the acks' grace (checked once a second), and a busy 2-core machine's delays.
        Assert.InRange(report.GetProperty("elapsed_s").GetDouble(), 0, MaxSeconds + 5 + 4);
        Assert.InRange(clock.Elapsed.TotalSeconds, MaxSeconds, MaxSeconds + 5 + 15);
    }

    private static async Task AcceptForeverAsync(TcpListener listener, List<Socket> accepted, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                accepted.Add(await listener.AcceptSocketAsync(stop));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
