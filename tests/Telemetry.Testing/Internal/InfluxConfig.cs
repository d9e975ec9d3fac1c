using System.Globalization;

namespace Telemetry.Testing;

/// <summary>The influxd configuration file for a private test instance.</summary>
internal static class InfluxConfig
{
    /// <summary>
    /// Renders a config with every directory under <paramref name="root"/>, HTTP on <paramref name="httpPort"/> and
    /// the RPC (backup) service on <paramref name="rpcPort"/>, both on 127.0.0.1; no reporting, no self-monitoring,
    /// quiet logs.
    /// </summary>
    public static string Render(string root, int httpPort, int rpcPort, bool authEnabled) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"

            [meta]
              dir = "{root}/meta"
              logging-enabled = false

            [data]
              dir = "{root}/data"
              wal-dir = "{root}/wal"
              query-log-enabled = false
              trace-logging-enabled = false

            [monitor]
              store-enabled = false

            [continuous_queries]
              enabled = false

            [logging]
              level = "warn"
              suppress-logo = true

            [http]
              enabled = true
              bind-address = "127.0.0.1:{httpPort}"
              auth-enabled = {(authEnabled ? "true" : "false")}
              log-enabled = false
              write-tracing = false
              pprof-enabled = false

            """);
}
