using System.Buffers;
using System.Text;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Tests.Streaming;

public sealed class ServerAcceptanceTests
{
    [Fact]
    public void Map_EveryFrameOfAResilienceRun_AcceptedByTheServersEncoderAsTheExpectedPoint()
    {
        var run = DescentSimulator.Run(ScenarioCatalog.Load("resilience-m2"), seed: 0);
        var mapper = new FrameMapper("resilience-m2", 0, StreamOptions.DefaultEpoch);
        var encoder = new FrameEncoder(new FrameEncoderOptions());
        var output = new ArrayBufferWriter<byte>();

        for (var i = 0; i < run.Trajectory.Count; i++)
        {
            var accepted = encoder.TryEncode(mapper.Map(run.Trajectory[i], (ulong)i + 1), output, out var rejection);
            Assert.True(accepted, $"frame {i + 1}: {rejection.Code} {rejection.Reason}");
        }

        var lines = Encoding.UTF8.GetString(output.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(run.Trajectory.Count, lines.Length);
        var first = lines[0];
        Assert.StartsWith("descent,phase=braking,scenario=resilience-m2,source=replay/resilience-m2 ", first, StringComparison.Ordinal);
        Assert.EndsWith($" {mapper.TimestampNs(run.Trajectory[0].TimeS)}", first, StringComparison.Ordinal);
        Assert.Contains("lrf_valid=false", first, StringComparison.Ordinal);
        Assert.Contains("guidance_phase=\"braking\"", first, StringComparison.Ordinal);
        Assert.Contains("seed=0i", first, StringComparison.Ordinal);
        Assert.DoesNotContain("lrf_range_m=", first, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("phase=landing_burn,", StringComparison.Ordinal) && line.Contains("lrf_range_m=", StringComparison.Ordinal));
    }
}
