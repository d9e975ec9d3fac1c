using System.Text;
using System.Text.Json;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Influx.Internal;
using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

public sealed class DeadLetterWriterTests
{
    [Fact]
    public async Task Write_PastTheFileSize_RotatesAndKeepsAtMostMaxFilesNewestFirst()
    {
        using var folder = new TempDirectory("dead-letters");
        var path = Path.Combine(folder.Path, "dead.jsonl");
        var options = new InfluxOptions { DeadLetterPath = path, DeadLetterMaxFileBytes = 4096, DeadLetterMaxFiles = 3 };
        var writer = new DeadLetterWriter(options, "db", TimeProvider.System, new ListLogger<DeadLetterWriterTests>());
        var batch = new LineBatch(ReadOnlyMemory<byte>.Empty, 0) { BatchId = 77, FrameIndexes = new[] { 5, 9 } };

        for (var i = 0; i < 400; i++)
        {
            writer.Write(Encoding.UTF8.GetBytes($"m v={i}i {i}\n"), batch, i % 2, "conflict");
            if (i % 50 == 49)
            {
                await Eventually.HoldsAsync(() => writer.Written == i + 1, "entries written");
            }
        }
        await writer.DisposeAsync();

        Assert.Equal(["dead.jsonl", "dead.jsonl.1", "dead.jsonl.2"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var newest = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var last = newest[^1];
        Assert.Equal("m v=399i 399", last.GetProperty("line").GetString());
        Assert.Equal((77UL, 9, 1), (last.GetProperty("batchId").GetUInt64(), last.GetProperty("frameIndex").GetInt32(), last.GetProperty("lineIndex").GetInt32()));
        Assert.All(Directory.GetFiles(folder.Path), f => Assert.InRange(new FileInfo(f).Length, 1, 4096 + 200));
        Assert.Equal(0, writer.Lost);
    }

    [Fact]
    public async Task FlushAsync_FileCannotBeWritten_WaitsReportsAndWritesEveryEntryOnceItCan()
    {
        using var folder = new TempDirectory("dead-letters");
        var path = Path.Combine(folder.Path, "dead.jsonl");
        Directory.CreateDirectory(path); // a folder where the file belongs: every open fails
        var options = new InfluxOptions { DeadLetterPath = path };
        var writer = new DeadLetterWriter(options, "db", TimeProvider.System, new ListLogger<DeadLetterWriterTests>());
        var batch = new LineBatch(ReadOnlyMemory<byte>.Empty, 0) { BatchId = 3, FrameIndexes = Enumerable.Range(0, 20_000).ToArray() };

        for (var i = 0; i < 20_000; i++)
        {
            writer.Write(Encoding.UTF8.GetBytes($"m v={i}i {i}\n"), batch, i, "conflict");
        }
        var flushed = writer.FlushAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => writer.Fault is not null, "the fault reported");
        Assert.False(flushed.IsCompleted);
        Assert.Contains(path, writer.Fault, StringComparison.Ordinal);

        Directory.Delete(path);
        await flushed.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.DisposeAsync();

        // More than the old queue's 10,000: every entry is in the file, none lost, whatever the disk did.
        Assert.Null(writer.Fault);
        Assert.Equal((20_000L, 0L), (writer.Written, writer.Lost));
        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"m v={i}i {i}"), lines);
    }

    [Fact]
    public async Task DisposeAsync_EntriesStillQueued_WritesThemAllBeforeStopping()
    {
        using var folder = new TempDirectory("dead-letters");
        var path = Path.Combine(folder.Path, "dead.jsonl");
        var writer = new DeadLetterWriter(new InfluxOptions { DeadLetterPath = path }, "db", TimeProvider.System, new ListLogger<DeadLetterWriterTests>());
        var batch = new LineBatch(ReadOnlyMemory<byte>.Empty, 0) { BatchId = 1, FrameIndexes = new[] { 0 } };

        for (var i = 0; i < 5000; i++)
        {
            writer.Write(Encoding.UTF8.GetBytes($"m v={i}i {i}\n"), batch, 0, "conflict");
        }
        await writer.DisposeAsync();

        Assert.Equal((5000L, 0L), (writer.Written, writer.Lost));
        Assert.Equal(5000, File.ReadAllLines(path).Length);
    }
}
