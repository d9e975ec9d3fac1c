using System.CommandLine;
using System.Globalization;
using System.Net;
using Telemetry.LoadGen;

var url = new Option<Uri>("--url")
{
    Description = "Ingest server address (HTTP/2 cleartext)",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:50051"),
    CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var u) ? u : null,
};
var frames = new Option<long>("--frames") { Description = "Frames to send in total", DefaultValueFactory = _ => 1_000_000 };
var batch = new Option<int>("--batch") { Description = "Frames per batch", DefaultValueFactory = _ => 500 };
var streams = new Option<int>("--streams") { Description = "Concurrent streams, each its own source", DefaultValueFactory = _ => 4 };
var inFlight = new Option<int>("--inflight") { Description = "Unacknowledged batches per stream", DefaultValueFactory = _ => 16 };
var fields = new Option<int>("--fields") { Description = "Double fields per frame (1-16)", DefaultValueFactory = _ => 8 };
var rate = new Option<double>("--rate") { Description = "Target frames/s over all streams; 0 = as fast as acks allow", DefaultValueFactory = _ => 0 };
var maxSeconds = new Option<double>("--max-seconds") { Description = "Time limit of the run, preparation included: then sending stops, and acks in flight get 5 s more (--direct-influx abandons its requests at once)", DefaultValueFactory = _ => 120 };
var measurement = new Option<string>("--measurement") { Description = "Measurement name", DefaultValueFactory = _ => "loadgen" };
var source = new Option<string>("--source") { Description = "Source prefix; stream i uses PREFIX/i", DefaultValueFactory = _ => "loadgen" };
var startNs = new Option<long>("--start-ns") { Description = "First timestamp (ns since epoch); frames are 1 µs apart per source. Default: now", DefaultValueFactory = _ => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000 };
var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a non-loopback --url (load tests target 127.0.0.1 by default)" };
var prepare = new Option<bool>("--prepare") { Description = "Serialize every batch before the run (not timed), as --direct-influx does; uses ~250 bytes of memory per frame" };
var apiKey = new Option<string?>("--api-key") { Description = "API key sent as 'authorization: Bearer KEY' (default: $TELEMETRY_API_KEY; none on a server that allows anonymous loopback writes)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TELEMETRY_API_KEY") };
var tlsCa = new Option<FileInfo?>("--tls-ca") { Description = "PEM file of the CA (or self-signed server certificate) to trust for an https:// --url" };
var clientCert = new Option<FileInfo?>("--client-cert") { Description = "PEM client certificate for mutual TLS (with --client-key)" };
var clientKey = new Option<FileInfo?>("--client-key") { Description = "PEM private key of --client-cert" };
var warmup = new Option<long>("--warmup") { Description = "Frames sent first, in this process, at the same rate and not measured (measurement 'warmup', sources PREFIX-warmup/i): the client's own JIT and connections then stay out of the figures", DefaultValueFactory = _ => 0 };
var json = new Option<bool>("--json") { Description = "Print the summary as one JSON line" };
var directInflux = new Option<Uri?>("--direct-influx")
{
    Description = "Baseline mode: POST the same frames straight to this InfluxDB 1.x (/write), --streams writers, 5,000 lines per request",
    CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var u) ? u : null,
};
var database = new Option<string>("--database") { Description = "Database for --direct-influx", DefaultValueFactory = _ => "telemetry" };

var root = new RootCommand("Streams synthetic telemetry frames to the ingest server and measures throughput and ack latency.")
{
    url, frames, batch, streams, inFlight, fields, rate, maxSeconds, measurement, source, startNs, allowRemote, json,
    directInflux, database, prepare, apiKey, tlsCa, clientCert, clientKey, warmup,
};
root.SetAction(async (parse, cancel) =>
{
    var options = new LoadOptions
    {
        Url = parse.GetValue(url)!, Frames = parse.GetValue(frames), BatchSize = parse.GetValue(batch),
        Streams = parse.GetValue(streams), InFlight = parse.GetValue(inFlight), Fields = parse.GetValue(fields),
        Rate = parse.GetValue(rate), MaxSeconds = parse.GetValue(maxSeconds), Measurement = parse.GetValue(measurement)!,
        SourcePrefix = parse.GetValue(source)!, StartNs = parse.GetValue(startNs), Prepare = parse.GetValue(prepare),
        ApiKey = parse.GetValue(apiKey), TlsCaFile = parse.GetValue(tlsCa)?.FullName,
        ClientCertificateFile = parse.GetValue(clientCert)?.FullName, ClientKeyFile = parse.GetValue(clientKey)?.FullName,
    };
    var direct = parse.GetValue(directInflux);
    if (Validate(direct is null ? options : options with { Url = direct }, parse.GetValue(allowRemote)) is { } error)
    {
        Console.Error.WriteLine(error);
        return 1;
    }
    // One time limit for every mode, counted from here (preparation included), so that no run outlives it.
    using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    limit.CancelAfter(TimeSpan.FromSeconds(options.MaxSeconds));
    var warmupFrames = parse.GetValue(warmup);
    if (warmupFrames < 0)
    {
        Console.Error.WriteLine("--warmup must be >= 0");
        return 1;
    }
    if (direct is null && warmupFrames > 0 && await WarmUpAsync(options, warmupFrames, limit.Token) is { } failure)
    {
        Console.Error.WriteLine(failure);
        return 2;
    }
    var result = direct is null
        ? await LoadRunner.RunAsync(options, Console.Error, limit.Token)
        : await DirectInfluxRunner.RunAsync(options, direct, parse.GetValue(database)!, Console.Error, limit.Token);
    Console.WriteLine(parse.GetValue(json) ? Report.Json(options, result) : Report.Table(options, result));
    // Success is every requested frame sent and stored: a run the time limit cut short is a failure, even with nothing lost.
    return result.AllStored && result.FramesSent == options.Frames ? 0 : 2;
});
return await root.Parse(args).InvokeAsync();

static async Task<string?> WarmUpAsync(LoadOptions options, long frames, CancellationToken stop)
{
    Console.Error.WriteLine($"warming up with {frames:N0} frames (not measured)...");
    var warm = options with { Frames = frames, Measurement = "warmup", SourcePrefix = options.SourcePrefix + "-warmup", Prepare = false };
    var result = await LoadRunner.RunAsync(warm, TextWriter.Null, stop);
    return result.AllStored && result.FramesSent == frames
        ? null
        : $"the warm-up did not complete: {result.FramesWritten:N0} of {frames:N0} frames written, {result.FramesRejected:N0} rejected";
}

static string? Validate(LoadOptions o, bool allowRemote)
{
    if (!allowRemote && !(o.Url.IsLoopback || IPAddress.TryParse(o.Url.Host, out var ip) && IPAddress.IsLoopback(ip)))
    {
        return $"--url {o.Url} is not a loopback address; pass --allow-remote to load another host.";
    }
    if (o.Connection.Problems() is [var problem, ..])
    {
        return problem;
    }
    return o switch
    {
        { Frames: < 1 } => "--frames must be at least 1",
        { BatchSize: < 1 or > 100_000 } => "--batch must be 1-100000",
        { Streams: < 1 or > 256 } => "--streams must be 1-256",
        { InFlight: < 1 or > 4096 } => "--inflight must be 1-4096",
        { Fields: < 1 or > 16 } => "--fields must be 1-16",
        { Rate: < 0 } => "--rate must be >= 0",
        { MaxSeconds: <= 0 } => "--max-seconds must be > 0",
        _ => null,
    };
}
