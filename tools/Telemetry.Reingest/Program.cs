using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Telemetry.Contracts.V1;
using Telemetry.Reingest;

var file = new Argument<FileInfo>("file") { Description = "Dead-letter file (JSON lines, as the server writes them), after fixing its lines" };
var url = new Option<Uri>("--url")
{
    Description = "Ingest server address",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:50051"),
    CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var u) ? u : null,
};
var batch = new Option<int>("--batch") { Description = "Frames per batch", DefaultValueFactory = _ => 500 };
var apiKey = new Option<string?>("--api-key") { Description = "API key, sent as 'authorization: Bearer KEY' (default: none)" };

var root = new RootCommand("Re-ingests a fixed dead-letter file through the ingest server; lines refused again go to FILE.refused.jsonl.")
{
    file, url, batch, apiKey,
};
root.SetAction(async (parse, cancel) =>
{
    var path = parse.GetValue(file)!;
    if (!path.Exists)
    {
        Console.Error.WriteLine($"no such file: {path.FullName}");
        return 2;
    }
    using var channel = GrpcChannel.ForAddress(parse.GetValue(url)!);
    var headers = parse.GetValue(apiKey) is { } key ? new Metadata { { "authorization", $"Bearer {key}" } } : null;
    var reingester = new DeadLetterReingester(new IngestService.IngestServiceClient(channel), parse.GetValue(batch), headers);
    var result = await reingester.RunAsync(path.FullName, Console.Error, cancel);
    Console.WriteLine($"{result.Letters} dead letters read, {result.Written} frames written, {result.Refused} refused again"
        + (result.RefusedPath is { } p ? $" (see {p})" : ""));
    return result.Refused == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
