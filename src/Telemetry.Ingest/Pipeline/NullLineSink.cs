using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// A sink that completes every batch at once without writing it anywhere: measures the server's own ceiling
/// (gRPC, parsing, validation, encoding). Never use it where data matters.
/// </summary>
public sealed class NullLineSink : ILineSink
{
    /// <inheritdoc />
    public AckDurability Durability => AckDurability.None;

    /// <inheritdoc />
    public ValueTask EnqueueAsync(LineBatch batch, CancellationToken cancellationToken)
    {
        batch.SetWritten([]);
        return ValueTask.CompletedTask;
    }
}
