using System.CommandLine;
using System.Text.Json;
using Grpc.Core;
using Telemetry.Client;
using Telemetry.Contracts.V1;
using Telemetry.Reingest;

var file = new Argument<FileInfo>("file") { Description = "Dead-letter file (JSON lines, as the server writes them), after fixing its lines" };
var url = new Option<Uri>("--url")
{
    Description = "Ingest server address (http:// or https://)",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:50051"),
    CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var u) ? u : null,
};
var batch = new Option<int>("--batch") { Description = "Frames per batch", DefaultValueFactory = _ => 500 };
var apiKey = new Option<string?>("--api-key") { Description = $"API key, sent as 'authorization: Bearer KEY' (default: ${IngestConnection.ApiKeyVariable}, else none)" };
var tlsCa = new Option<FileInfo?>("--tls-ca") { Description = "PEM file of the CA (or self-signed server certificate) to trust for an https:// --url" };
var clientCert = new Option<FileInfo?>("--client-cert") { Description = "PEM client certificate for mutual TLS (with --client-key)" };
var clientKey = new Option<FileInfo?>("--client-key") { Description = "PEM private key of --client-cert" };

var root = new RootCommand(
    "Re-ingests a fixed dead-letter file through the ingest server; lines refused again go to FILE.refused.jsonl. " +
    "Exit codes: 0 every line written, 1 some refused again, 2 bad arguments or an unreadable file, 3 the server could not be reached or refused the call.")
{
    file, url, batch, apiKey, tlsCa, clientCert, clientKey,
};
root.SetAction(async (parse, cancel) =>
{
    var path = parse.GetValue(file)!;
    if (!path.Exists)
    {
        Console.Error.WriteLine($"Telemetry.Reingest: no such file: {path.FullName}");
        return 2;
    }
    var connection = new IngestConnection
    {
        Url = parse.GetValue(url)!,
        TlsCaFile = parse.GetValue(tlsCa)?.FullName,
        ClientCertificateFile = parse.GetValue(clientCert)?.FullName,
        ClientKeyFile = parse.GetValue(clientKey)?.FullName,
    };
    if (parse.GetValue(apiKey) is { } key)
    {
        connection = connection with { ApiKey = key };
    }
    if (connection.Problems() is [var problem, ..])
    {
        Console.Error.WriteLine($"Telemetry.Reingest: {problem}");
        return 2;
    }
    using var channel = connection.CreateChannel();
    var reingester = new DeadLetterReingester(new IngestService.IngestServiceClient(channel), parse.GetValue(batch), connection.Headers);
    try
    {
        var result = await reingester.RunAsync(path.FullName, Console.Error, cancel);
        Console.WriteLine($"{result.Letters} dead letters read, {result.Written} frames written, {result.Refused} refused again"
            + (result.RefusedPath is { } p ? $" (see {p})" : ""));
        return result.Refused == 0 ? 0 : 1;
    }
    catch (RpcException e)
    {
        Console.Error.WriteLine($"Telemetry.Reingest: the server refused the call: {IngestStatus.Describe(e)}");
        return 3;
    }
    catch (InvalidDataException e)
    {
        Console.Error.WriteLine($"Telemetry.Reingest: {e.Message}");
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();
