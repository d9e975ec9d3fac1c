using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Telemetry.Contracts.V1;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>Clients that try to grow the server's memory or its acks past every limit.</summary>
[Collection(CorpusCollection.Name)]
public sealed class ResourceCorpus(CorpusServer corpus, ITestOutputHelper output)
{
    private const int DefaultClientLimit = 4 * 1024 * 1024;

    [Fact]
    public async Task Stream_ClientNeverReadsAcksOfRejectedBatches_ServerStopsReadingAndMemoryStaysFlat()
    {
        const string tag = "never_reads_acks";
        using var call = corpus.Server.Client.Stream();
        var before = Rss();
        var sent = 0;
        var samples = new List<long>();
        // Each batch is 5,000 frames that are all rejected (NaN): no sink involved, every ack is 1,000 rejections.
        while (sent < 2000)
        {
            var write = call.RequestStream.WriteAsync(RejectedBatch((ulong)sent + 1, 5000));
            if (await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(4))) != write)
            {
                break;
            }
            sent++;
        }
        for (var i = 0; i < 10; i++)
        {
            samples.Add(Rss());
            await Task.Delay(200);
        }
        output.WriteLine($"sent {sent} batches before the server stopped reading; RSS {before >> 20} MB before, samples {string.Join(", ", samples.Select(s => s >> 20))} MB");

        // 64 batches in flight (Ingest:MaxBatchesInFlightPerStream) plus what HTTP/2 windows hold; 2,000 before the fix.
        Assert.InRange(sent, 64, 100);
        Assert.InRange(samples.Max() - samples.Min(), 0, 32L << 20);
        Assert.InRange(samples.Max() - before, long.MinValue, 256L << 20);
        Assert.Equal(0, await NanPointsAsync());
        await corpus.AssertWellBehavedClientWritesAsync(tag);
    }

    [Fact]
    public async Task Write_SixtyThousandRejectedFrames_AckListsTheLimitCountsTheRestAndFitsTheDefaultClientLimit()
    {
        const string tag = "huge_ack";
        var batch = RejectedBatch(1, 60_000);
        var valid = Frames.Sample("corpus/ack", 7, "ack");
        valid.Tags.Add(new Tag { Key = CorpusServer.CaseTag, Value = tag });
        batch.Frames.Add(valid);

        // The test server's channel keeps gRPC's default 4 MB receive limit.
        var ack = await corpus.Server.Client.WriteAsync(batch);

        Assert.True(ack.Accepted);
        Assert.Equal(1u, ack.WrittenCount);
        Assert.Equal(1000, ack.Rejections.Count);
        Assert.Equal(59_000u, ack.RejectionsNotListed);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (uint)i), ack.Rejections.Select(r => r.Index));
        Assert.All(ack.Rejections, r => Assert.Equal(RejectionCode.NonFinite, r.Code));
        Assert.InRange(ack.CalculateSize(), 1, DefaultClientLimit / 8);
        var row = Assert.Single(await corpus.RowsOfCaseAsync(tag));
        Assert.Equal(7L, row.Values["step"].GetInt64());
        Assert.Equal(0, await NanPointsAsync());
        await corpus.AssertWellBehavedClientWritesAsync(tag);
    }

    [Fact]
    public async Task Write_RejectionReasonsOfHugeNames_CutSoTheAckStaysSmall()
    {
        const string tag = "long_reasons";
        var batch = new FrameBatch { BatchId = 1 };
        for (var i = 0; i < 50; i++)
        {
            var frame = Frames.Sample("corpus/reasons", (ulong)i, "reasons");
            frame.Fields[0] = new Field { Key = new string('k', 40_000), DoubleValue = double.NaN };
            frame.Tags.Add(new Tag { Key = CorpusServer.CaseTag, Value = tag });
            batch.Frames.Add(frame);
        }

        var ack = await corpus.Server.Client.WriteAsync(batch);

        Assert.Equal(50, ack.Rejections.Count);
        Assert.All(ack.Rejections, r => Assert.InRange(r.Reason.Length, 1, 256));
        Assert.Empty(await corpus.RowsOfCaseAsync(tag));
        await corpus.AssertWellBehavedClientWritesAsync(tag);
    }

    [Fact]
    public async Task Stream_ManyCallsOpenedAndCancelled_EachEndsAndServerKeepsServing()
    {
        const string tag = "open_cancel";
        for (var i = 0; i < 200; i++)
        {
            using var cts = new CancellationTokenSource();
            using var call = corpus.Server.Client.Stream(cancellationToken: cts.Token);
            await call.RequestStream.WriteAsync(RejectedBatch((ulong)i, 10));
            await cts.CancelAsync();
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.ReadAllAsync().ToListAsync().AsTask());
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }

        Assert.Equal(0, await NanPointsAsync());
        await corpus.AssertWellBehavedClientWritesAsync(tag);
    }

    /// <summary>Frames that are all rejected (NaN), with nothing to tag them: that none is stored is checked by measurement.</summary>
    private static FrameBatch RejectedBatch(ulong id, int frames)
    {
        var batch = new FrameBatch { BatchId = id };
        for (var i = 0; i < frames; i++)
        {
            batch.Frames.Add(new Frame
            {
                Source = "corpus/nan",
                Sequence = (ulong)i,
                TimestampNs = Frames.StartNs + i,
                Measurement = "nan",
                Fields = { new Field { Key = "v", DoubleValue = double.NaN } },
            });
        }
        return batch;
    }

    private async Task<long> NanPointsAsync()
    {
        await corpus.Server.WaitUntilForwardedAsync();
        return await corpus.Influx.CountAsync(corpus.Server.Database, "nan", "v");
    }

    private static long Rss()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
