using Microsoft.Extensions.Logging;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Writes one request to completion: retries transient failures, waits out pauses, splits on 413 and bisects
/// partial writes until every refused line is known, then completes the request's batches.
/// </summary>
internal sealed class RequestWriter(
    InfluxTransport transport,
    InfluxEndpoint endpoint,
    InfluxOptions options,
    PauseGate gate,
    DeadLetterWriter deadLetters,
    SinkCounters counters,
    TimeProvider time,
    ILogger logger)
{
    private readonly Backoff _backoff = new(options.RetryInitialDelay, options.RetryMaxDelay);

    public async Task WriteAsync(WriteRequest request, CancellationToken ct)
    {
        await WriteSliceAsync(request, request.Segments, ct).ConfigureAwait(false);
        if (request.FirstDropReason is { } reason)
        {
            Log.LinesDropped(logger, request.DroppedCount, request.LineCount, reason);
            // The batches complete (a spooled record is confirmed) only once their refused lines are durable.
            await deadLetters.FlushAsync(ct).ConfigureAwait(false);
        }
        counters.AddAnswered(request);
        request.Complete();
    }

    public async Task TryCreateDatabaseAsync(CancellationToken ct)
    {
        if (endpoint.CreateDatabaseStatement is not { } statement)
        {
            return;
        }
        var response = await transport.CreateDatabaseAsync(statement, ct).ConfigureAwait(false);
        if (response.Outcome == InfluxOutcome.Written)
        {
            Log.DatabaseCreated(logger, endpoint.Target);
        }
        else
        {
            Log.CreateDatabaseFailed(logger, endpoint.Target, response.StatusCode, response.Message);
        }
    }

    private async Task WriteSliceAsync(WriteRequest request, ReadOnlyMemory<Segment> slice, CancellationToken ct)
    {
        var attempt = 0;
        var probing = false;
        var pausedAt = 0L;
        while (true)
        {
            if (!probing)
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
            }
            var sent = time.GetTimestamp();
            counters.RequestSent(sent);
            InfluxResponse response;
            try
            {
                response = await transport.WriteAsync(slice, ct).ConfigureAwait(false);
            }
            finally
            {
                counters.RequestEnded(sent);
            }
            if (response.IsAuth)
            {
                if (probing)
                {
                    Log.StillPaused(logger, endpoint.Target, response.StatusCode, response.Message, time.GetElapsedTime(pausedAt));
                }
                else if (gate.TryPause($"HTTP {response.StatusCode}: {response.Message}"))
                {
                    probing = true;
                    pausedAt = time.GetTimestamp();
                    Log.WritingPaused(logger, endpoint.Target, response.StatusCode, response.Message, options.AuthRetryInterval);
                }
                else
                {
                    continue; // another writer probes; wait for it at the gate
                }
                await Task.Delay(options.AuthRetryInterval, time, ct).ConfigureAwait(false);
                if (response.IsDatabaseMissing)
                {
                    await TryCreateDatabaseAsync(ct).ConfigureAwait(false);
                }
                continue;
            }
            if (probing)
            {
                probing = false;
                gate.Resume();
                Log.WritingResumed(logger, endpoint.Target, time.GetElapsedTime(pausedAt));
            }
            if (response.Outcome != InfluxOutcome.Transient)
            {
                counters.MarkAnswered(time.GetTimestamp());
            }
            switch (response.Outcome)
            {
                case InfluxOutcome.Written:
                    return;
                case InfluxOutcome.Transient:
                    attempt++;
                    counters.AddRetry(sent, $"HTTP {response.StatusCode}: {response.Message}");
                    var delay = _backoff.Delay(attempt, response.RetryAfter);
                    Log.RetryingWrite(logger, Segment.CountLines(slice.Span), response.StatusCode, response.Message, attempt, delay);
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                    continue;
                case InfluxOutcome.TooLarge when Segment.CountLines(slice.Span) > 1:
                    Log.SplittingTooLarge(logger, Segment.CountLines(slice.Span));
                    await WriteHalvesAsync(request, slice, ct).ConfigureAwait(false);
                    return;
                default:
                    await ResolveRefusalAsync(request, slice, response, ct).ConfigureAwait(false);
                    return;
            }
        }
    }

    /// <summary>
    /// Some lines of <paramref name="slice"/> were refused (or one line is too large). Resending a line InfluxDB
    /// already stored overwrites it with the same values, so halving and resending finds exactly the refused ones.
    /// </summary>
    private async Task ResolveRefusalAsync(WriteRequest request, ReadOnlyMemory<Segment> slice, InfluxResponse response, CancellationToken ct)
    {
        var lines = Segment.CountLines(slice.Span);
        if (lines == 1 || InfluxErrorParser.DroppedCount(response.Message) == lines)
        {
            DropAll(request, slice.Span, response.Message);
            return;
        }
        await WriteHalvesAsync(request, slice, ct).ConfigureAwait(false);
    }

    private async Task WriteHalvesAsync(WriteRequest request, ReadOnlyMemory<Segment> slice, CancellationToken ct)
    {
        var (head, tail) = Segment.Halve(slice);
        await WriteSliceAsync(request, head, ct).ConfigureAwait(false);
        await WriteSliceAsync(request, tail, ct).ConfigureAwait(false);
    }

    private void DropAll(WriteRequest request, ReadOnlySpan<Segment> slice, string message)
    {
        var clauses = InfluxErrorParser.ParseErrorClauses(message);
        var perLine = clauses.Length == Segment.CountLines(slice);
        var n = 0;
        foreach (var segment in slice)
        {
            var reader = new LineReader(segment.Bytes.Span);
            for (var i = 0; reader.MoveNext(); i++, n++)
            {
                var reason = perLine ? clauses[n] : message;
                request.Drop(segment, i, reason);
                deadLetters.Write(reader.Current, segment.Batch, segment.FirstLine + i, reason);
            }
        }
    }
}
