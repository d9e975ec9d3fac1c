using System.Net;

namespace Telemetry.Server.Security.Internal;

/// <summary>The addresses the server is configured to listen on, read from configuration before it binds.</summary>
internal static class ListenEndpoints
{
    /// <summary>Kestrel's address when nothing is configured.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    /// <summary>
    /// Each configured endpoint as (setting name, URL), in Kestrel's order of precedence: <c>Kestrel:Endpoints:*:Url</c>,
    /// else <c>urls</c>, else <c>http_ports</c>/<c>https_ports</c> (which bind every interface).
    /// </summary>
    public static IReadOnlyList<(string Setting, string Url)> From(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => ($"Kestrel:Endpoints:{e.Key}:Url", e["Url"] ?? string.Empty))
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }
        if (Split(configuration["urls"]) is { Length: > 0 } urls)
        {
            return urls.Select(u => ("urls", u)).ToList();
        }
        var ports = Split(configuration["http_ports"]).Select(p => ("http_ports", $"http://*:{p}"))
            .Concat(Split(configuration["https_ports"]).Select(p => ("https_ports", $"https://*:{p}")))
            .ToList();
        return ports.Count > 0 ? ports : [("urls", KestrelDefault)];
    }

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when <paramref name="url"/> binds only loopback addresses (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string url)
    {
        var host = Host(url);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when <paramref name="url"/> is http:// or https:// followed by something. Only the scheme is checked:
    /// Kestrel's wildcard forms (http://*:80, http://+:80) are not URIs that <see cref="Uri"/> parses.
    /// </summary>
    public static bool HasHttpScheme(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        return start >= 0 && start + 3 < url.Length
            && (url[..start].Equals("http", StringComparison.OrdinalIgnoreCase) || url[..start].Equals("https", StringComparison.OrdinalIgnoreCase));
    }

    private static string Host(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            rest = rest[..slash];
        }
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? rest : rest[..(close + 1)];
        }
        var colon = rest.LastIndexOf(':');
        return colon < 0 ? rest : rest[..colon];
    }
}
