using Telemetry.Ingest.Diagnostics;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Sends write and create-database requests and classifies every way they can end as an <see cref="InfluxResponse"/>.</summary>
internal sealed class InfluxTransport(HttpClient http, InfluxEndpoint endpoint, InfluxOptions options, TimeProvider time)
{
    private long _requests;

    public long Requests => Volatile.Read(ref _requests);

    public async Task<InfluxResponse> WriteAsync(ReadOnlyMemory<Segment> segments, CancellationToken ct)
    {
        using HttpContent content = options.Gzip ? new GzipContent(segments.Span) : new SegmentContent(segments);
        using var request = endpoint.CreateWrite(content);
        Interlocked.Increment(ref _requests);
        var started = time.GetTimestamp();
        var response = await SendAsync(request, ct).ConfigureAwait(false);
        var outcome = new KeyValuePair<string, object?>("outcome", OutcomeTag(response.Outcome));
        IngestMeter.InfluxRequests.Add(1, outcome);
        IngestMeter.InfluxRequestDuration.Record(time.GetElapsedTime(started).TotalSeconds, outcome);
        return response;
    }

    private static string OutcomeTag(InfluxOutcome outcome) => outcome switch
    {
        InfluxOutcome.Written => "written",
        InfluxOutcome.Partial => "partial",
        InfluxOutcome.Paused => "paused",
        InfluxOutcome.TooLarge => "too_large",
        _ => "transient",
    };

    /// <summary>Runs <c>CREATE DATABASE</c> (V1). InfluxQL reports failures as 200 with an "error" in the results.</summary>
    public async Task<InfluxResponse> CreateDatabaseAsync(string statement, CancellationToken ct)
    {
        using var request = endpoint.CreateQuery(statement);
        var response = await SendAsync(request, ct, readBody: true).ConfigureAwait(false);
        return response.Outcome == InfluxOutcome.Written && response.Message.Contains("\"error\"", StringComparison.Ordinal)
            ? InfluxResponse.FromStatus(400, InfluxErrorParser.Message(400, response.Message), null)
            : response;
    }

    private async Task<InfluxResponse> SendAsync(HttpRequestMessage request, CancellationToken ct, bool readBody = false)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            if (readBody && response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                return InfluxResponse.FromStatus((int)response.StatusCode, body, null);
            }
            return await InfluxResponse.ReadAsync(response, time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return InfluxResponse.FromException(new TimeoutException(
                $"InfluxDB did not answer within {options.RequestTimeout.TotalSeconds:0.###} s."));
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return InfluxResponse.FromException(error);
        }
    }
}
