using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>Creates sinks for tests: one writer, small delays, flushes only on drain unless told otherwise.</summary>
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
            RetryInitialDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            AuthRetryInterval = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return new InfluxSink(Options.Create(options), Http, logger is null ? NullLogger<InfluxSink>.Instance : logger, time);
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(Eventually.Timeout).Token;
}
