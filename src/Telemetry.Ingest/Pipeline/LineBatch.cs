namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Encoded line protocol handed to the InfluxDB sink: <see cref="LineCount"/> lines, each terminated by '\n'.
/// The producer owns the memory and must keep it alive until <see cref="Written"/> completes.
/// </summary>
public sealed class LineBatch
{
    private readonly TaskCompletionSource<IReadOnlyList<LineDrop>> _written =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a batch over <paramref name="lines"/>, which holds exactly <paramref name="lineCount"/> lines.</summary>
    public LineBatch(ReadOnlyMemory<byte> lines, int lineCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineCount);
        Lines = lines;
        LineCount = lineCount;
    }

    /// <summary>The lines, UTF-8, each ending in '\n'.</summary>
    public ReadOnlyMemory<byte> Lines { get; }

    /// <summary>Number of lines in <see cref="Lines"/>.</summary>
    public int LineCount { get; }

    /// <summary>The client's batch id, kept with the lines in the spool and in dead letters. Default 0.</summary>
    public ulong BatchId { get; init; }

    /// <summary>
    /// For each line, the index of its frame in the client's batch (empty when unknown); kept in the spool and
    /// in dead letters so a refused line can be traced to the frame it came from.
    /// </summary>
    public ReadOnlyMemory<int> FrameIndexes { get; init; }

    /// <summary>
    /// Completes when InfluxDB has answered for every line: with the lines it dropped (empty when all were
    /// written), or faults when the sink stopped before writing them (shutdown without flush).
    /// </summary>
    public Task<IReadOnlyList<LineDrop>> Written => _written.Task;

    /// <summary>Marks the batch written; <paramref name="drops"/> lists the lines InfluxDB refused.</summary>
    public void SetWritten(IReadOnlyList<LineDrop> drops) => _written.TrySetResult(drops);

    /// <summary>Marks the batch as not written because the sink stopped or failed.</summary>
    public void SetFailed(Exception error) => _written.TrySetException(error);
}
