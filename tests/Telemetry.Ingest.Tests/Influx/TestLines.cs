using System.Globalization;
using System.Text;
using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>Builds <see cref="LineBatch"/>es from text.</summary>
internal static class TestLines
{
    public static LineBatch Batch(params string[] lines) =>
        new(Encoding.UTF8.GetBytes(Text(lines)), lines.Length);

    /// <summary>The lines as one body, each ending in '\n'.</summary>
    public static string Text(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    /// <summary>
    /// <paramref name="count"/> points of measurement <paramref name="measurement"/> numbered from
    /// <paramref name="first"/>: <c>seq</c> (integer) and <c>load</c> (seq / 4) at timestamp 1e9 + seq.
    /// </summary>
    public static string[] Points(string measurement, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{measurement},host=h{i % 3} seq={i}i,load={i / 4.0} {1_000_000_000L + i}"))];

    public static Task<IReadOnlyList<LineDrop>[]> AllWritten(IEnumerable<LineBatch> batches) =>
        Task.WhenAll(batches.Select(b => b.Written)).WaitAsync(Eventually.Timeout);
}
