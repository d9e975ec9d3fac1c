using System.ComponentModel.DataAnnotations;

namespace Telemetry.Server.Security;

/// <summary>
/// Connection, stream and per-client call limits, bound from the configuration section <c>Limits</c> and validated
/// at start. Applied to Kestrel and to ASP.NET Core's rate limiter.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Limits";

    /// <summary>
    /// Open connections at most; more are refused at accept. Default (unset): derived from the process's open-file
    /// limit (RLIMIT_NOFILE) less <see cref="ReservedFileDescriptors"/>, at most 4,096, so that the server refuses
    /// connections before it runs out of descriptors.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? MaxConnections { get; set; }

    /// <summary>
    /// Open connections from one IP address at most; more are closed at accept. Default 256. Behind a proxy or load
    /// balancer every client shares its address: raise it to <see cref="MaxConnections"/> there.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 256;

    /// <summary>Descriptors kept for everything but client connections (InfluxDB, files, the runtime). Default 512.</summary>
    [Range(16, 65_536)]
    public int ReservedFileDescriptors { get; set; } = 512;

    /// <summary>Concurrent HTTP/2 streams (calls) per connection. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>Time a request's headers (and a TLS handshake) may take to arrive. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection with no open call is closed after this long, including one that never sent the HTTP/2 preface
    /// (Kestrel checks once a second). Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP/2 PING sent after this long without data from the client, to find dead peers. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection whose PING is not answered within this long is closed. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Ingest calls a client (an API key, a certificate, or one anonymous address) may start per second on average;
    /// past it a call fails with <c>RESOURCE_EXHAUSTED</c> and a retry delay. Default 100.
    /// </summary>
    [Range(1, 1_000_000)]
    public int CallsPerSecondPerClient { get; set; } = 100;

    /// <summary>Calls a client may start at once above the average rate (token bucket size). Default 200.</summary>
    [Range(1, 1_000_000)]
    public int CallBurstPerClient { get; set; } = 200;

    /// <summary>
    /// Ingest calls (streams and writes) a client may have open at once. Default 16: with the per-stream bounds
    /// (Ingest:MaxBatchesInFlightPerStream, Ingest:MaxAckBytesPerStream) it bounds what one client can make the
    /// server hold.
    /// </summary>
    [Range(1, 100_000)]
    public int ConcurrentCallsPerClient { get; set; } = 16;
}
