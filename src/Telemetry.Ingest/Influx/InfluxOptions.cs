namespace Telemetry.Ingest.Influx;

/// <summary>
/// Settings of the InfluxDB sink, bound from the configuration section "Influx" and validated at start.
/// </summary>
public sealed class InfluxOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Influx";

    /// <summary>Base address of InfluxDB (a path prefix is kept). Default <c>http://127.0.0.1:8086</c>.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:8086");

    /// <summary>Write API to use. Default <see cref="InfluxApiVersion.V1"/>.</summary>
    public InfluxApiVersion ApiVersion { get; set; } = InfluxApiVersion.V1;

    /// <summary>V1: the database written to. Default <c>telemetry</c>.</summary>
    public string Database { get; set; } = "telemetry";

    /// <summary>V1: the retention policy (<c>rp=</c>). Default null: the database's default policy.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>V1: user name, sent with <see cref="Password"/> as HTTP basic authentication. Default null: none.</summary>
    public string? Username { get; set; }

    /// <summary>V1: password for <see cref="Username"/>. Default null.</summary>
    public string? Password { get; set; }

    /// <summary>V2: the organization (<c>org=</c>); InfluxDB 3 ignores it. Default null: not sent.</summary>
    public string? Organization { get; set; }

    /// <summary>V2: the bucket written to (required with V2). Default null.</summary>
    public string? Bucket { get; set; }

    /// <summary>V2: API token, sent as <c>Authorization: Token &lt;token&gt;</c>. Default null: none.</summary>
    public string? Token { get; set; }

    /// <summary>V1: run <c>CREATE DATABASE</c> (idempotent) at start and when a write answers 404. Default true.</summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>
    /// Lines per write request. Batches are never split to fit (a larger batch goes alone). Default 5,000.
    /// </summary>
    public int BatchLines { get; set; } = 5000;

    /// <summary>A partial request is sent this long after its first line arrived. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Send a partial request at once when every writer is idle (group commit): light load is acknowledged in about
    /// one InfluxDB round trip instead of waiting for <see cref="FlushInterval"/>, while under load (some writer
    /// busy) requests keep filling up to <see cref="BatchLines"/>. Default true.
    /// </summary>
    public bool FlushWhenIdle { get; set; } = true;

    /// <summary>Concurrent write requests. Default 2.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Compress request bodies (<c>Content-Encoding: gzip</c>). Default false: costs CPU on small machines.</summary>
    public bool Gzip { get; set; }

    /// <summary>
    /// Backpressure bound in bytes of line protocol queued or in flight; enqueueing waits while a batch would
    /// exceed it (a batch larger than the bound goes alone, once nothing else is pending). Default 64 MiB.
    /// </summary>
    public long MaxPendingBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Time limit of one HTTP request; a timeout is retried. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A write request without an answer for this long makes the sink report InfluxDB as "not answering" (health,
    /// metrics, status page), counted from the request's sending or InfluxDB's last answer, whichever is later, long
    /// before <see cref="RequestTimeout"/> ends the request. Default 3 s.
    /// </summary>
    public TimeSpan NotAnsweringAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>First retry delay bound (exponential backoff with full jitter). Default 100 ms.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest retry delay, also the ceiling applied to a server's Retry-After. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While writing is paused by 401, 403 or 404, the interval between attempts (and error logs). Default 5 s.
    /// </summary>
    public TimeSpan AuthRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// File that receives refused points as JSON lines (time, target, batch id, frame index, reason, line). Default
    /// null: refused points are only counted and logged (with the spool, the server sets it to
    /// <c>{Spool:Directory}/dead-letters.jsonl</c>).
    /// </summary>
    public string? DeadLetterPath { get; set; }

    /// <summary>Size in bytes at which the dead-letter file is rotated to <c>.1</c>. Default 64 MiB.</summary>
    public long DeadLetterMaxFileBytes { get; set; } = 64L << 20;

    /// <summary>Dead-letter files kept, the current one included; older ones are deleted. Default 8.</summary>
    public int DeadLetterMaxFiles { get; set; } = 8;
}
