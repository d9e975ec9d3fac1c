using Telemetry.Ingest.Spool;
using Telemetry.Ingest.Spool.Internal;
using Telemetry.Ingest.Tests.Influx;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Spool;

/// <summary>A spool damaged on disk between two runs: what recovery keeps, reports and quarantines.</summary>
public sealed class SpoolRecoveryTests
{
    private const int Lines = 4;

    [Fact]
    public async Task StartAsync_TornTail_TruncatedReportedAndEveryEarlierBatchForwarded()
    {
        using var folder = new TempDirectory("spool");
        var segment = await SpoolFiveBatchesAsync(folder.Path);
        var fifth = RecordOffset(5);
        var length = new FileInfo(segment).Length;
        File.WriteAllBytes(segment, File.ReadAllBytes(segment)[..(int)(length - 7)]);

        var (report, received) = await RecoverAsync(folder.Path);

        var torn = Assert.Single(report.TornTails);
        Assert.Equal((fifth, length - 7 - fifth), (torn.Offset, torn.Length));
        Assert.Empty(report.Corruptions);
        Assert.Equal(4, report.Records);
        Assert.Equal([1UL, 2, 3, 4], received);
        Assert.Equal(fifth, report.Bytes); // the segment was cut back to its last whole record
        Assert.False(File.Exists(segment)); // and deleted once InfluxDB confirmed those records
    }

    [Fact]
    public async Task StartAsync_FlippedPayloadByte_QuarantinedWithPositionAndLaterBatchesKept()
    {
        using var folder = new TempDirectory("spool");
        var segment = await SpoolFiveBatchesAsync(folder.Path);
        var third = RecordOffset(3);
        var bytes = File.ReadAllBytes(segment);
        var original = bytes[(int)third..(int)RecordOffset(4)];
        bytes[third + SpoolRecord.HeaderBytes + SpoolRecord.PrefixBytes + (4 * Lines) + 5] ^= 0x20;
        File.WriteAllBytes(segment, bytes);

        var (report, received) = await RecoverAsync(folder.Path);

        var corrupt = Assert.Single(report.Corruptions);
        Assert.Equal((third, RecordSize), (corrupt.Offset, corrupt.Length));
        var quarantined = File.ReadAllBytes(corrupt.QuarantinePath!);
        Assert.Equal(original.Length, quarantined.Length);
        Assert.Equal(1, original.Zip(quarantined).Count(p => p.First != p.Second));
        Assert.Empty(report.TornTails);
        Assert.Equal([1UL, 2, 4, 5], received);
    }

    [Fact]
    public async Task StartAsync_FlippedLengthByte_ResynchronisesOnTheNextRecord()
    {
        using var folder = new TempDirectory("spool");
        var segment = await SpoolFiveBatchesAsync(folder.Path);
        var third = RecordOffset(3);
        var bytes = File.ReadAllBytes(segment);
        bytes[third + 5] ^= 0x01;
        File.WriteAllBytes(segment, bytes);

        var (report, received) = await RecoverAsync(folder.Path);

        var corrupt = Assert.Single(report.Corruptions);
        Assert.Equal((third, RecordSize), (corrupt.Offset, corrupt.Length));
        Assert.Equal([1UL, 2, 4, 5], received);
    }

    private static int RecordSize => SpoolRecord.Size(Lines, SpoolHarness.Text(1, Lines).Length);

    /// <summary>Offset of the 1-based <paramref name="n"/>th record: the test batches all have the same size.</summary>
    private static long RecordOffset(int n) => (long)(n - 1) * RecordSize;

    private static async Task<string> SpoolFiveBatchesAsync(string folder)
    {
        var down = new RecordingSink { Hold = true };
        await using var spool = SpoolHarness.Create(folder, down);
        await spool.StartAsync(CancellationToken.None);
        await SpoolHarness.SpoolAllAsync(spool, Enumerable.Range(1, 5).Select(i => SpoolHarness.Batch((ulong)i, Lines)));
        await spool.StopAsync();
        down.FailHeld();
        return SpoolHarness.Segments(folder).Single(s => new FileInfo(s).Length > 0);
    }

    private static async Task<(SpoolRecoveryReport Report, ulong[] Received)> RecoverAsync(string folder)
    {
        var target = new RecordingSink();
        var logger = new ListLogger<SpoolSink>();
        await using var spool = SpoolHarness.Create(folder, target, logger: logger);
        await spool.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => spool.IsForwarded, "everything recovered forwarded");
        var report = spool.Recovery!;
        Assert.Equal(report.TornTails.Count, logger.Count(5301));
        Assert.Equal(report.Corruptions.Count, logger.Count(5302));
        return (report, [.. target.Received.Select(r => r.BatchId)]);
    }
}
