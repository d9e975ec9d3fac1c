using System.Diagnostics.CodeAnalysis;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Throws kept out of the hot paths.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowLineCountMismatch(int lineCount) =>
        throw new InvalidOperationException($"A LineBatch holds fewer '\\n'-terminated lines than its LineCount ({lineCount}).");

    [DoesNotReturn]
    public static void ThrowNotAccepting() =>
        throw new InvalidOperationException("The InfluxDB sink is draining or disposed and accepts no more batches.");
}
