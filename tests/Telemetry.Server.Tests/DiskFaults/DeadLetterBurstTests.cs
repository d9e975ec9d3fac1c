using System.Globalization;
using System.Text.Json;
using Telemetry.Contracts.V1;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// 100,000 acknowledged lines that InfluxDB refuses (a field type conflict), with the spool and its dead letters on
/// a loop-mounted ext4 while another client streams good frames: every refused line is in the dead-letter file with
/// its batch, frame and value, none is lost (the forwarder waits for the file, it never drops), and every good
/// acknowledged frame is in InfluxDB.
/// </summary>
public sealed class DeadLetterBurstTests(ITestOutputHelper output)
{
    private const int Batches = 100;
    private const int FramesPerBatch = 1000;

    [Fact]
    public async Task Write_HundredThousandRefusedLines_AllDeadLetteredDurablyNoneLostAndGoodFramesStored()
    {
        await using var disk = await MountedFolder.Ext4Async(256L << 20);
        await using var run = await FaultRun.StartAsync("burst", disk.Path, clients: 1);
        await run.AckedMoreAsync(20, "good frames acknowledged first (step is an integer field now)");

        for (ulong b = 1; b <= Batches; b++)
        {
            var batch = Frames.Batch(1_000_000 + b, "burst", (b - 1) * FramesPerBatch, FramesPerBatch);
            foreach (var frame in batch.Frames)
            {
                frame.Fields[1] = new Field { Key = "step", StringValue = string.Create(CultureInfo.InvariantCulture, $"s{frame.Sequence}") };
            }
            var ack = await run.Server.Client.WriteAsync(batch);
            Assert.Equal((true, (uint)FramesPerBatch), (ack.Accepted, ack.WrittenCount));
        }
        JsonElement status = default;
        await Eventually.HoldsAsync(async () =>
        {
            status = JsonDocument.Parse((await run.OpsAsync("/status.json")).Body).RootElement;
            // Two counters, updated one after the other: wait for both.
            return status.GetProperty("influx").GetProperty("deadLetters").GetInt64() >= Batches * FramesPerBatch
                && status.GetProperty("spool").GetProperty("deadLetteredLines").GetInt64() >= Batches * FramesPerBatch;
        }, () => $"every refused line dead-lettered ({status})");
        await run.StopStreamingAsync();

        var metrics = (await run.OpsAsync("/metrics")).Body;
        Assert.Contains("telemetry_server_dead_letters_lost 0", metrics, StringComparison.Ordinal);
        Assert.Equal(Batches * FramesPerBatch, status.GetProperty("spool").GetProperty("deadLetteredLines").GetInt64());
        // Each refused line once at least (a retried write may repeat one), with its batch, frame index and value.
        var letters = File.ReadLines(Path.Combine(disk.Path, "dead-letters.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Batch: e.GetProperty("batchId").GetUInt64(), Frame: e.GetProperty("frameIndex").GetInt32(), Line: e.GetProperty("line").GetString()!))
            .ToList();
        output.WriteLine($"{letters.Count} dead letters for {Batches * FramesPerBatch} refused lines; {run.Acked} good batches acked");
        var keys = letters.Select(l => (l.Batch, l.Frame)).ToHashSet();
        Assert.Equal(Batches * FramesPerBatch, keys.Count);
        foreach (var (batchId, frame, line) in letters)
        {
            var sequence = ((batchId - 1_000_001) * FramesPerBatch) + (ulong)frame;
            Assert.InRange(batchId, 1_000_001UL, 1_000_000UL + Batches);
            Assert.StartsWith("descent,source=burst,vehicle=resilience ", line, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"step=\"s{sequence}\""), line, StringComparison.Ordinal);
            Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $" {Frames.StartNs + ((long)sequence * 10_000_000)}"), line, StringComparison.Ordinal);
        }
        await run.AssertEveryAckStoredAsync();
    }
}
