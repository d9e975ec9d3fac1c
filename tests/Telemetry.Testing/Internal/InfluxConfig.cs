using System.Globalization;

namespace Telemetry.Testing;

/// <summary>The influxd configuration file for a private test instance, from tools/influxd/influxdb.conf.template.</summary>
internal static class InfluxConfig
{
    /// <summary>
    /// Renders the shared template with every directory under <paramref name="root"/>, HTTP on
    /// <paramref name="httpPort"/> and the RPC (backup) service on <paramref name="rpcPort"/>, both on 127.0.0.1.
    /// </summary>
    public static string Render(string root, int httpPort, int rpcPort, bool authEnabled)
    {
        using var stream = typeof(InfluxConfig).Assembly.GetManifestResourceStream("influxdb.conf.template")
            ?? throw new InvalidOperationException("The embedded influxdb.conf.template is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("@ROOT@", root, StringComparison.Ordinal)
            .Replace("@HTTP_PORT@", httpPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@RPC_PORT@", rpcPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@AUTH_ENABLED@", authEnabled ? "true" : "false", StringComparison.Ordinal);
    }
}
