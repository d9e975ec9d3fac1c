using System.Diagnostics.CodeAnalysis;

namespace Telemetry.Ingest.Pipeline.Internal;

/// <summary>Throws kept out of line so the hot paths that guard them stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowAdvancedTooFar() =>
        throw new InvalidOperationException("Cannot advance past the end of the buffer.");
}
