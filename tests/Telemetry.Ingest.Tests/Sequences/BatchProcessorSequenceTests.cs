using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Tests.Sequences;

/// <summary>The batch processor with the tracker: what the acks count, and that a refused frame leaves no mark.</summary>
public sealed class BatchProcessorSequenceTests
{
    private readonly BatchProcessor _processor = new(new FrameEncoder(new FrameEncoderOptions()), new NullLineSink(), new IngestLimits(1000),
        new SequenceTracker(Options.Create(new SequenceOptions())));

    [Fact]
    public async Task SubmitAsync_FrameRejectedByTheEncoderThenCorrected_CorrectedResendWritten()
    {
        var rejected = await SubmitAsync("c", TrackerHarness.Frame("a", 5, 1_000, double.NaN));
        var corrected = await SubmitAsync("c", TrackerHarness.Frame("a", 5, 1_000, 2.5));
        var again = await SubmitAsync("c", TrackerHarness.Frame("a", 5, 1_000, 2.5));

        Assert.Equal((0u, 0u, 1), (rejected.WrittenCount, rejected.DuplicateCount, rejected.Rejections.Count));
        Assert.Equal((1u, 0u), (corrected.WrittenCount, corrected.DuplicateCount));
        Assert.Equal((0u, 1u), (again.WrittenCount, again.DuplicateCount));
    }

    [Fact]
    public async Task SubmitAsync_MixedBatch_CountsAddUpToTheFrames()
    {
        await SubmitAsync("c", [.. TrackerHarness.Frames("a", 1, 5)]);
        var frames = TrackerHarness.Frames("a", 3, 6, firstNs: 1_002); // 3-5 resent as they were, 6-8 new
        frames.Add(TrackerHarness.Frame("a", 20, 2_000, double.PositiveInfinity));   // rejected

        var ack = await SubmitAsync("c", [.. frames]);

        Assert.Equal((3u, 3u, 1, 0u), (ack.WrittenCount, ack.DuplicateCount, ack.Rejections.Count, ack.RejectionsNotListed));
        Assert.Equal(7, (int)(ack.WrittenCount + ack.DuplicateCount) + ack.Rejections.Count);
    }

    private async Task<BatchAck> SubmitAsync(string client, params Frame[] frames)
    {
        var batch = new FrameBatch();
        batch.Frames.AddRange(frames);
        using var wire = WireBatch.From(batch);
        var pending = await _processor.SubmitAsync(wire, client, CancellationToken.None);
        return await pending;
    }
}
