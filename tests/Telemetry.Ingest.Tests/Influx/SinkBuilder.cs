using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Pipeline;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>Creates sinks for tests: one writer, small delays, flushes only on drain (no idle or age flush) unless told otherwise.</summary>
internal static class SinkBuilder
{
    public static readonly HttpClient Http = new();

    public static InfluxSink Create(Uri url, Action<InfluxOptions>? configure = null, ListLogger<InfluxSink>? logger = null,
        TimeProvider? time = null)
    {
        var options = new InfluxOptions
        {
            Url = url,
            Writers = 1,
            FlushInterval = TimeSpan.FromHours(1),
            FlushWhenIdle = false,
            RetryInitialDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            AuthRetryInterval = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return new InfluxSink(Options.Create(options), Http, logger is null ? NullLogger<InfluxSink>.Instance : logger, time);
    }

    /// <summary>Starts <paramref name="sink"/> and enqueues <paramref name="batches"/> in order.</summary>
    public static async Task StartAndEnqueueAsync(InfluxSink sink, params LineBatch[] batches)
    {
        await sink.StartAsync(Deadline());
        foreach (var batch in batches)
        {
            await sink.EnqueueAsync(batch, default);
        }
    }

    /// <summary>Starts, enqueues, drains, and returns what each batch reported as dropped.</summary>
    public static async Task<IReadOnlyList<LineDrop>[]> WriteAllAsync(InfluxSink sink, params LineBatch[] batches)
    {
        await StartAndEnqueueAsync(sink, batches);
        await sink.DrainAsync(Deadline());
        return await TestLines.AllWritten(batches);
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(Eventually.Timeout).Token;
}
