using System.Buffers;
using System.Text;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Tests.Streaming;

public sealed class AscentFrameMapperTests
{
    [Fact]
    public void Map_EveryFrameOfTheF3Ascent_AcceptedByTheServersEncoderWithStageTagsAndNoNonFiniteValue()
    {
        var run = AscentSimulator.Run(AscentScenarioCatalog.Load("kairos-f3"), seed: 0);
        var mapper = new AscentFrameMapper("kairos-f3", 0, StreamOptions.DefaultEpoch);
        var encoder = new FrameEncoder(new FrameEncoderOptions());
        var output = new ArrayBufferWriter<byte>();

        for (var i = 0; i < run.Trajectory.Count; i++)
        {
            var frame = mapper.Map(run.Trajectory[i], (ulong)i + 1);
            Assert.All(frame.Fields, f => Assert.True(f.ValueCase != Telemetry.Contracts.V1.Field.ValueOneofCase.DoubleValue || double.IsFinite(f.DoubleValue)));
            Assert.True(encoder.TryEncode(frame, output, out var rejection), $"frame {i + 1}: {rejection.Code} {rejection.Reason}");
        }

        var lines = Encoding.UTF8.GetString(output.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(run.Trajectory.Count, lines.Length);
        Assert.StartsWith("ascent,phase=stage_1,scenario=kairos-f3,source=replay/kairos-f3 ", lines[0], StringComparison.Ordinal);
        Assert.Contains("nav_rate_deg_per_s=", lines[^1], StringComparison.Ordinal);
        Assert.Contains("guidance_phase=\"stage_1\"", lines[^1], StringComparison.Ordinal);
        Assert.Equal(68.8, run.Trajectory[^1].TimeS, 1e-9);

        // The last frame carries the channels as the ground station saw them: A go, B declared itself faulty, the vote to terminate.
        Assert.Contains("channel_a=0i", lines[^1], StringComparison.Ordinal);
        Assert.Contains("channel_b=2i", lines[^1], StringComparison.Ordinal);
        Assert.Contains("vote=true", lines[^1], StringComparison.Ordinal);
        Assert.Contains("channel_b=0i", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_F3Ascent_EverySampleStreamedInOrderAndAcknowledged()
    {
        var run = AscentSimulator.Run(AscentScenarioCatalog.Load("kairos-f3"), seed: 0);
        var server = new FakeIngestInvoker();
        var streamer = new TelemetryStreamer(server, new StreamOptions());

        var report = await streamer.SendAsync(run.Trajectory, new AscentFrameMapper("kairos-f3", 0, StreamOptions.DefaultEpoch), null, CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Equal(run.Trajectory.Count, report.FramesSent);
        Assert.Equal(Enumerable.Range(1, run.Trajectory.Count).Select(i => (ulong)i), server.Batches.SelectMany(b => b.Frames).Select(f => f.Sequence));
        Assert.All(server.Batches.SelectMany(b => b.Frames), f => Assert.Equal("ascent", f.Measurement));
    }

    [Fact]
    public void Map_SampleInOrbit_ImpactPointFieldsLeftOut()
    {
        var inOrbit = AscentSimulator.Run(AscentScenarioCatalog.Load("kairos-nominal"), seed: 0).Trajectory[^1];
        var frame = new AscentFrameMapper("kairos-nominal", 3, StreamOptions.DefaultEpoch).Map(inOrbit, 9);

        Assert.True(double.IsNaN(inOrbit.IipEastKm));
        Assert.DoesNotContain(frame.Fields, f => f.Key.StartsWith("iip_", StringComparison.Ordinal));
        Assert.Equal(3, frame.Fields.Single(f => f.Key == "seed").IntValue);
        Assert.Equal("stage_4", frame.Tags.Single(t => t.Key == "phase").Value);
    }
}
