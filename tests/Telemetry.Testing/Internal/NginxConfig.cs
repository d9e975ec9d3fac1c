namespace Telemetry.Testing;

/// <summary>The nginx configuration for a test load balancer, from deploy/nginx/telemetry-grpc.conf.</summary>
internal static class NginxConfig
{
    /// <summary>
    /// Renders the shipped template listening on <paramref name="listen"/> (host:port) in front of
    /// <paramref name="instances"/> (host:port each, at least two): the template names two, and each further
    /// instance gets a copy of the second one's <c>server</c> line.
    /// </summary>
    public static string Render(string listen, IReadOnlyList<string> instances)
    {
        if (instances.Count < 2)
        {
            throw new ArgumentException("The load balancer template needs at least two instances.", nameof(instances));
        }
        using var stream = typeof(NginxConfig).Assembly.GetManifestResourceStream("telemetry-grpc.conf")
            ?? throw new InvalidOperationException("The embedded telemetry-grpc.conf is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.TrimStart().StartsWith("server @INSTANCE_2@", StringComparison.Ordinal))
            {
                lines.AddRange(instances.Skip(1).Select(i => line.Replace("@INSTANCE_2@", i, StringComparison.Ordinal)));
                continue;
            }
            lines.Add(line
                .Replace("@LISTEN@", listen, StringComparison.Ordinal)
                .Replace("@INSTANCE_1@", instances[0], StringComparison.Ordinal));
        }
        return string.Join('\n', lines) + "\n";
    }
}
