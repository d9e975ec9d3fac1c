using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Spool;
using Telemetry.Ingest.Tests.Influx;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Spool;

/// <summary>Builds spools over a test folder and batches whose lines name their batch and line.</summary>
internal static class SpoolHarness
{
    public static SpoolSink Create(string directory, ILineSink target, long maxBytes = 64L << 20,
        ListLogger<SpoolSink>? logger = null) =>
        new(Options.Create(new SpoolOptions
        {
            Directory = directory,
            SegmentBytes = 1 << 20,
            MaxBytes = maxBytes,
            MaxPendingBytes = 1 << 20,
            MaxForwardBytes = 1 << 20,
        }), target, logger ?? new ListLogger<SpoolSink>());

    /// <summary>Batch <paramref name="id"/> of <paramref name="lines"/> lines: <c>m,b=ID n=LINEi 1000+LINE</c>.</summary>
    public static LineBatch Batch(ulong id, int lines, int padding = 0)
    {
        var text = Text(id, lines, padding);
        return new LineBatch(Encoding.UTF8.GetBytes(text), lines)
        {
            BatchId = id,
            FrameIndexes = Enumerable.Range(0, lines).Select(i => (2 * i) + 1).ToArray(),
        };
    }

    public static string Text(ulong id, int lines, int padding = 0) =>
        string.Concat(Enumerable.Range(0, lines).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"m,b={id} n={i}i,pad=\"{new string('x', padding)}\" {1000 + i}\n")));

    public static async Task SpoolAllAsync(SpoolSink spool, IEnumerable<LineBatch> batches)
    {
        var list = batches.ToList();
        foreach (var batch in list)
        {
            await spool.EnqueueAsync(batch, CancellationToken.None);
        }
        await TestLines.AllWritten(list);
    }

    public static string[] Segments(string directory) =>
        [.. Directory.GetFiles(directory, "*.seg").Order(StringComparer.Ordinal)];
}
