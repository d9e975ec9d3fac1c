using System.Diagnostics.CodeAnalysis;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Errors built out of line, keeping the hot paths small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowLineCountMismatch(int lineCount) =>
        throw new InvalidOperationException($"A LineBatch holds fewer '\\n'-terminated lines than its LineCount ({lineCount}).");

    /// <summary>The error of a batch offered after draining started (completed into a task, not thrown).</summary>
    public static SinkClosedException NotAccepting() =>
        new("The InfluxDB sink is draining or disposed and accepts no more batches.");
}
