using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Telemetry.Client;

namespace Telemetry.Server;

/// <summary>
/// <c>Telemetry.Server health</c>: asks a running server whether it serves, as a load balancer or an operator would:
/// gRPC health (<c>grpc.health.v1.Health/Check</c>) on the gRPC listener and <c>/readyz</c> on the operations
/// listener, one line each. Exit 0 serving and ready, 1 answering but not ready (the failing checks are named),
/// 2 bad arguments, 3 not reachable.
/// </summary>
internal static class HealthCommand
{
    public const string Verb = "health";

    private const string Usage =
        "usage: Telemetry.Server health [--url http://127.0.0.1:50051] [--ops-url http://127.0.0.1:9091] [--tls-ca FILE] [--timeout SECONDS]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h"])
        {
            output.WriteLine(Usage);
            output.WriteLine("exit codes: 0 serving and ready; 1 answering but not ready; 2 bad arguments; 3 not reachable");
            return ExitCodes.Ok;
        }
        if (!TryParse(args, out var url, out var opsUrl, out var caFile, out var timeout, out var problem))
        {
            error.WriteLine($"Telemetry.Server health: {problem}");
            error.WriteLine(Usage);
            return ExitCodes.InvalidConfiguration;
        }
        var grpc = await CheckGrpcAsync(new IngestConnection { Url = url, TlsCaFile = caFile, ApiKey = null }, timeout).ConfigureAwait(false);
        output.WriteLine($"grpc   {url}: {grpc.Line}");
        var ops = await CheckReadyAsync(opsUrl, timeout).ConfigureAwait(false);
        output.WriteLine($"readyz {new Uri(opsUrl, "/readyz")}: {ops.Line}");
        return grpc.Code == 3 || ops.Code == 3 ? 3 : Math.Max(grpc.Code, ops.Code);
    }

    private static async Task<(int Code, string Line)> CheckGrpcAsync(IngestConnection connection, TimeSpan timeout)
    {
        try
        {
            using var channel = connection.CreateChannel();
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + timeout).ConfigureAwait(false);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? (0, "SERVING") : (1, reply.Status.ToString().ToUpperInvariant());
        }
        catch (RpcException e)
        {
            return (3, $"not reachable: {IngestStatus.Describe(e)}");
        }
    }

    private static async Task<(int Code, string Line)> CheckReadyAsync(Uri opsUrl, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(new Uri(opsUrl, "/readyz")).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var failing = Failing(body);
            return response.IsSuccessStatusCode
                ? (0, $"{(int)response.StatusCode} {Status(body)}")
                : (1, $"{(int)response.StatusCode} {Status(body)}{(failing.Length > 0 ? ": " + failing : "")}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (3, $"not reachable: {e.Message}");
        }
    }

    private static string Status(string body) => Read(body, root => root.TryGetProperty("status", out var s) ? s.GetString() : null) ?? "(no status)";

    /// <summary>The checks that are not healthy, with their descriptions: "spool: ...; influx: ...".</summary>
    private static string Failing(string body) => Read(body, root =>
        root.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Object
            ? string.Join("; ", checks.EnumerateObject()
                .Where(c => c.Value.TryGetProperty("status", out var s) && s.GetString() != "Healthy")
                .Select(c => $"{c.Name}: {(c.Value.TryGetProperty("description", out var d) ? d.GetString() : c.Value.GetProperty("status").GetString())}"))
            : null) ?? "";

    private static string? Read(string body, Func<JsonElement, string?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out Uri url, out Uri opsUrl, out string? caFile, out TimeSpan timeout, out string problem)
    {
        url = new Uri("http://127.0.0.1:50051");
        opsUrl = new Uri("http://127.0.0.1:9091");
        caFile = null;
        timeout = TimeSpan.FromSeconds(5);
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--url" when value is not null && Uri.TryCreate(value, UriKind.Absolute, out var u):
                    url = u;
                    break;
                case "--ops-url" when value is not null && Uri.TryCreate(value, UriKind.Absolute, out var o):
                    opsUrl = o;
                    break;
                case "--tls-ca" when value is not null:
                    caFile = value;
                    break;
                case "--timeout" when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0:
                    timeout = TimeSpan.FromSeconds(s);
                    break;
                default:
                    problem = $"cannot read '{args[i]}'{(value is null ? "" : $" '{value}'")}";
                    return false;
            }
            i++;
        }
        return true;
    }
}
