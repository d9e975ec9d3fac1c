namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// A sink that completes every batch at once without writing it anywhere: measures the server's own ceiling
/// (gRPC, parsing, validation, encoding). Never use it where data matters.
/// </summary>
public sealed class NullLineSink : ILineSink
{
    private long _lines;

    /// <summary>Lines accepted (and discarded) so far.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <inheritdoc />
    public ValueTask EnqueueAsync(LineBatch batch, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _lines, batch.LineCount);
        batch.SetWritten([]);
        return ValueTask.CompletedTask;
    }
}
