using System.Net;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// InfluxDB's answer to one write, classified once so that callers act on <see cref="Outcome"/> rather than on
/// status codes.
/// </summary>
internal sealed class InfluxResponse
{
    public static readonly InfluxResponse Written = new(InfluxOutcome.Written, 204, "written", null);

    private InfluxResponse(InfluxOutcome outcome, int statusCode, string message, TimeSpan? retryAfter)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        Message = message;
        RetryAfter = retryAfter;
    }

    public InfluxOutcome Outcome { get; }

    /// <summary>The HTTP status, or 0 when no answer arrived (timeout, network error).</summary>
    public int StatusCode { get; }

    /// <summary>InfluxDB's error message (or the exception's), used as the reason of refused lines.</summary>
    public string Message { get; }

    /// <summary>The server's Retry-After, already converted to a delay.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth retrying as is, after a backoff.</summary>
    public bool IsTransient => Outcome == InfluxOutcome.Transient;

    /// <summary>A credentials or missing-database problem: retrying cannot help until an operator fixes it.</summary>
    public bool IsAuth => Outcome == InfluxOutcome.Paused;

    /// <summary>404: the database (or bucket) does not exist.</summary>
    public bool IsDatabaseMissing => StatusCode == (int)HttpStatusCode.NotFound;

    public static InfluxResponse FromStatus(int statusCode, string message, TimeSpan? retryAfter) =>
        new(Classify(statusCode, message), statusCode, message, retryAfter);

    public static InfluxResponse FromException(Exception error) =>
        new(InfluxOutcome.Transient, 0, error.GetType().Name + ": " + error.Message, null);

    /// <summary>Reads and classifies <paramref name="response"/> (the body only when it is not a success).</summary>
    public static async Task<InfluxResponse> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return Written;
        }
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        return FromStatus(status, InfluxErrorParser.Message(status, body), RetryAfterOf(response, time));
    }

    private static InfluxOutcome Classify(int statusCode, string message) => statusCode switch
    {
        >= 200 and < 300 => InfluxOutcome.Written,
        // 1.x answers 500 (or 400) for a missing retention policy: no retry or bisection helps, an operator must.
        _ when message.Contains("retention policy not found", StringComparison.Ordinal) => InfluxOutcome.Paused,
        400 or 422 => InfluxOutcome.Partial,
        413 => InfluxOutcome.TooLarge,
        408 or 429 or >= 500 => InfluxOutcome.Transient,
        // 401, 403, 404 and anything unexpected: keep every line and wait for an operator.
        _ => InfluxOutcome.Paused,
    };

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
